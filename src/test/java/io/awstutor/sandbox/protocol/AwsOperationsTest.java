package io.awstutor.sandbox.protocol;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each service's list of AWS operations is read at its first use, not at the sandbox's start,
 * so a missing or unreadable list would only show when a learner calls an operation the
 * sandbox does not implement: every list is read here instead.
 */
class AwsOperationsTest {

    @Test
    void everyServicesListIsThereAndNamesItsBestKnownOperation() {
        Map<Class<?>, String> known = Map.ofEntries(
                Map.entry(io.awstutor.sandbox.ec2.Ec2Handler.class, "DescribeInstances"),
                Map.entry(io.awstutor.sandbox.rdsdata.RdsDataHandler.class, "ExecuteStatement"),
                Map.entry(io.awstutor.sandbox.ce.CostExplorerHandler.class, "GetCostAndUsage"),
                Map.entry(io.awstutor.sandbox.ses.SesHandler.class, "SendEmail"),
                Map.entry(io.awstutor.sandbox.freetier.FreeTierHandler.class, "GetFreeTierUsage"),
                Map.entry(io.awstutor.sandbox.rds.RdsQueryHandler.class, "DescribeDBInstances"),
                Map.entry(io.awstutor.sandbox.secretsmanager.SecretsManagerHandler.class, "GetSecretValue"),
                Map.entry(io.awstutor.sandbox.iam.IamHandler.class, "CreateUser"),
                Map.entry(io.awstutor.sandbox.budgets.BudgetsHandler.class, "CreateBudget"),
                Map.entry(io.awstutor.sandbox.pricing.PricingHandler.class, "GetProducts"),
                Map.entry(io.awstutor.sandbox.sts.StsHandler.class, "GetCallerIdentity"));
        known.forEach((handler, operation) -> {
            AwsOperations operations = AwsOperations.load(handler, "aws-operations.txt");
            assertTrue(operations.contains(operation), handler.getSimpleName() + "'s list lacks " + operation);
            assertFalse(operations.contains("NoSuchOperationAnywhere"), handler.getSimpleName());
        });
    }

    @Test
    void aMissingListIsNamedAtItsFirstUse() {
        AwsOperations missing = AwsOperations.load(AwsOperationsTest.class, "no-such-list.txt");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> missing.contains("Anything"));
        assertTrue(e.getMessage().contains("missing resource no-such-list.txt"), e.getMessage());
        assertFalse(AwsOperations.NONE.contains("Anything"));
    }
}
