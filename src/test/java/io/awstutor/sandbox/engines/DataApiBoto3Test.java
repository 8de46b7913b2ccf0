package io.awstutor.sandbox.engines;

import io.awstutor.sandbox.TestSandbox;
import io.awstutor.testing.ExternalTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * boto3's rds-data works unchanged against the sandbox: the secret read back through boto3's
 * secretsmanager, statements with parameters, a transaction, and AWS's error for a cluster
 * whose HTTP endpoint is off, on an Aurora PostgreSQL cluster made with the SDK for Java.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataApiBoto3Test {
    private TestSandbox box;
    private String clusterArn;
    private String secretArn;

    @BeforeAll
    void start() {
        ExternalTools.python3WithBoto3();
        box = EngineTestSandbox.start().box();
        var rds = box.rds();
        rds.createDBCluster(r -> r.dbClusterIdentifier("boto").engine("aurora-postgresql").engineVersion("16.9")
                .masterUsername("learner").manageMasterUserPassword(true).enableHttpEndpoint(true)
                .serverlessV2ScalingConfiguration(s -> s.minCapacity(0.5).maxCapacity(2.0)));
        rds.createDBInstance(r -> r.dbInstanceIdentifier("boto-writer").dbClusterIdentifier("boto").engine("aurora-postgresql")
                .dbInstanceClass("db.serverless"));
        rds.waiter().waitUntilDBInstanceAvailable(r -> r.dbInstanceIdentifier("boto-writer"));
        var cluster = rds.describeDBClusters(r -> r.dbClusterIdentifier("boto")).dbClusters().get(0);
        clusterArn = cluster.dbClusterArn();
        secretArn = cluster.masterUserSecret().secretArn();
        rds.createDBCluster(r -> r.dbClusterIdentifier("closed").engine("aurora-postgresql").masterUsername("learner")
                .masterUserPassword("closed-pass-1"));
    }

    @AfterAll
    void stop() {
        if (box != null) {
            box.close();
        }
    }

    @Test
    void boto3RunsStatementsAndATransaction() {
        String script = String.join("\n",
                "import boto3, json, botocore",
                "sm = boto3.client('secretsmanager')",
                "data = boto3.client('rds-data')",
                "c, s = '" + clusterArn + "', '" + secretArn + "'",
                "print(json.loads(sm.get_secret_value(SecretId=s)['SecretString'])['username'])",
                "data.execute_statement(resourceArn=c, secretArn=s, sql='CREATE TABLE notes (id INT, body TEXT)')",
                "tx = data.begin_transaction(resourceArn=c, secretArn=s)['transactionId']",
                "r = data.execute_statement(resourceArn=c, secretArn=s, transactionId=tx,",
                "    sql='INSERT INTO notes VALUES (:id, :body)',",
                "    parameters=[{'name': 'id', 'value': {'longValue': 7}}, {'name': 'body', 'value': {'stringValue': 'hello'}}])",
                "print(r['numberOfRecordsUpdated'])",
                "print(data.commit_transaction(resourceArn=c, secretArn=s, transactionId=tx)['transactionStatus'])",
                "r = data.execute_statement(resourceArn=c, secretArn=s, sql='SELECT id, body FROM notes', includeResultMetadata=True)",
                "print(r['records'], [m['name'] for m in r['columnMetadata']])",
                "try:",
                "    data.execute_statement(resourceArn=c.replace(':boto', ':closed'), secretArn=s, sql='SELECT 1')",
                "except botocore.exceptions.ClientError as e:",
                "    print(e.response['Error']['Code'], e.response['ResponseMetadata']['HTTPStatusCode'])");
        ExternalTools.Result result = ExternalTools.runBoto3(box.endpoint(), "test", "test", "us-east-1", script);
        assertEquals(0, result.exitCode(), result.toString());
        String[] out = result.stdout().strip().split("\n");
        assertEquals("learner", out[0]);
        assertEquals("1", out[1]);
        assertEquals("Transaction Committed", out[2]);
        assertEquals("[[{'longValue': 7}, {'stringValue': 'hello'}]] ['id', 'body']", out[3]);
        assertEquals("HttpEndpointNotEnabledException 400", out[4]);
    }
}
