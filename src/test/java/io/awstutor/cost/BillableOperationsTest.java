package io.awstutor.cost;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which calls are billable and what the bundled price table says they cost. */
class BillableOperationsTest {
    private static final PriceTable PRICES = PriceTable.bundled();
    private static final SessionUsage NOTHING_YET = new SessionUsage(0, 0);

    private static Optional<Estimate> estimate(String service, String operation, Map<String, Object> fields) {
        return BillableOperations.estimate(PRICES, service, operation, fields, NOTHING_YET, Optional.empty());
    }

    @Test
    void theTableNamesItsSourceRegionAndDateAndCoversTheLessonsTypes() {
        assertEquals("us-east-1", PRICES.region());
        assertTrue(PRICES.source().contains("aws.amazon.com"));
        assertEquals("us-east-1 list prices of 2026-03-20", PRICES.provenance());
        for (String type : new String[] {"t2.micro", "t3.micro", "t3.nano", "t4g.micro", "t4g.small", "t3.medium", "t3.large", "t2.nano"}) {
            assertTrue(PRICES.ec2Hourly(type).isPresent(), type);
        }
        for (String cls : new String[] {"db.t3.micro", "db.t3.small", "db.t2.micro", "db.t4g.micro", "db.t3.medium", "db.m5.large", "db.r6g.large"}) {
            assertTrue(PRICES.rdsHourly(cls).isPresent(), cls);
        }
    }

    @Test
    void aDatabaseIsPricedByClassStorageAndMultiAz() {
        Estimate single = estimate("Rds", "CreateDBInstance", Map.of("DBInstanceClass", "db.t3.micro", "AllocatedStorage", 20,
                "DBInstanceIdentifier", "shop")).orElseThrow();
        assertEquals(0.017, single.hourlyUsd().getAsDouble(), 1e-9);
        assertTrue(single.freeTier().startsWith("covered"), single.freeTier());
        Estimate multi = estimate("Rds", "CreateDBInstance", Map.of("DBInstanceClass", "db.t3.micro", "MultiAZ", true)).orElseThrow();
        assertEquals(0.034, multi.hourlyUsd().getAsDouble(), 1e-9);
        assertTrue(multi.freeTier().contains("not covered (Multi-AZ)"), multi.freeTier());
    }

    @Test
    void resizingADatabaseIsBillableOnlyWhenItGrows() {
        assertTrue(BillableOperations.estimate(PRICES, "Rds", "ModifyDBInstance",
                Map.of("DBInstanceIdentifier", "shop", "DBInstanceClass", "db.m5.large"), NOTHING_YET, Optional.of("db.t3.micro")).isPresent());
        assertFalse(BillableOperations.estimate(PRICES, "Rds", "ModifyDBInstance",
                Map.of("DBInstanceIdentifier", "shop", "DBInstanceClass", "db.t3.micro"), NOTHING_YET, Optional.of("db.m5.large")).isPresent());
        assertFalse(BillableOperations.estimate(PRICES, "Rds", "ModifyDBInstance",
                Map.of("DBInstanceIdentifier", "shop", "BackupRetentionPeriod", 7), NOTHING_YET, Optional.of("db.t3.micro")).isPresent());
    }

    @Test
    void uploadsAndEmailsAreBillableOnlyBeyondTheFreeTier() {
        assertFalse(estimate("S3", "PutObject", Map.of("ContentLength", 1024L)).isPresent());
        long sixGb = 6L * 1024 * 1024 * 1024;
        assertTrue(estimate("S3", "PutObject", Map.of("ContentLength", sixGb)).isPresent());
        assertTrue(BillableOperations.estimate(PRICES, "S3", "PutObject", Map.of("ContentLength", 1024L),
                new SessionUsage(sixGb, 0), Optional.empty()).isPresent(), "the session's earlier uploads count");
        assertFalse(estimate("SES", "SendEmail", Map.of()).isPresent());
        assertTrue(BillableOperations.estimate(PRICES, "SES", "SendEmail", Map.of(), new SessionUsage(0, 3000), Optional.empty()).isPresent());
    }

    @Test
    void thingsFreeOfChargeAreNotBillable() {
        assertFalse(estimate("Iam", "CreateUser", Map.of("UserName", "alice")).isPresent());
        assertFalse(estimate("EC2", "CreateSecurityGroup", Map.of()).isPresent());
        assertTrue(BillableOperations.mustReview("Iam", "CreateUser"), "reviewed anyway, to be tagged");
        assertFalse(BillableOperations.mustReview("S3", "GetObject"));
    }

    @Test
    void natGatewaysElasticIpsAndDistributionsAreBillable() {
        assertEquals(0.045, estimate("EC2", "CreateNatGateway", Map.of()).orElseThrow().hourlyUsd().getAsDouble(), 1e-9);
        assertEquals(0.005, estimate("EC2", "AllocateAddress", Map.of()).orElseThrow().hourlyUsd().getAsDouble(), 1e-9);
        Estimate cdn = estimate("CloudFront", "CreateDistribution", Map.of()).orElseThrow();
        assertTrue(cdn.priceLine(730).contains("USD 0.0850 per GB served"), cdn.priceLine(730));
        assertTrue(cdn.freeTier().contains("1 TB"), cdn.freeTier());
    }
}
