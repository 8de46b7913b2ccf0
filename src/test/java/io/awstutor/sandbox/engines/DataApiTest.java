package io.awstutor.sandbox.engines;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.BadRequestException;
import software.amazon.awssdk.services.rdsdata.model.DatabaseErrorException;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.HttpEndpointNotEnabledException;
import software.amazon.awssdk.services.rdsdata.model.InvalidSecretException;
import software.amazon.awssdk.services.rdsdata.model.NotFoundException;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;
import software.amazon.awssdk.services.rdsdata.model.TransactionNotFoundException;
import software.amazon.awssdk.services.rdsdata.model.TypeHint;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The RDS Data API through the SDK for Java, on both Aurora engines: typed parameters and
 * Fields, column metadata, generated keys, JSON records, batches, transactions, and AWS's
 * errors. The PostgreSQL cluster's password is managed by RDS in Secrets Manager; the MySQL
 * cluster's is the learner's own, kept in a secret the learner created.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataApiTest {
    private TestSandbox box;
    private RdsClient rds;
    private RdsDataClient data;
    private Db postgres;
    private Db mysql;

    /** A cluster the Data API reaches, and the secret it logs in with. */
    record Db(String clusterArn, String secretArn, boolean postgres) {
    }

    @BeforeAll
    void start() {
        box = EngineTestSandbox.start().box();
        rds = box.rds();
        data = box.rdsdata();
        rds.createDBCluster(r -> r.dbClusterIdentifier("pg").engine("aurora-postgresql").engineVersion("16.9").masterUsername("learner")
                .manageMasterUserPassword(true).enableHttpEndpoint(true).databaseName("shop")
                .serverlessV2ScalingConfiguration(s -> s.minCapacity(0.5).maxCapacity(2.0)));
        rds.createDBCluster(r -> r.dbClusterIdentifier("my").engine("aurora-mysql").engineVersion("8.0.mysql_aurora.3.08.2")
                .masterUsername("learner").masterUserPassword("my-own-pass-1").enableHttpEndpoint(true).databaseName("shop")
                .serverlessV2ScalingConfiguration(s -> s.minCapacity(0.5).maxCapacity(2.0)));
        for (String id : List.of("pg", "my")) {
            rds.createDBInstance(r -> r.dbInstanceIdentifier(id + "-writer").dbClusterIdentifier(id)
                    .engine(id.equals("pg") ? "aurora-postgresql" : "aurora-mysql").dbInstanceClass("db.serverless"));
        }
        rds.waiter().waitUntilDBInstanceAvailable(r -> r.dbInstanceIdentifier("pg-writer"));
        rds.waiter().waitUntilDBInstanceAvailable(r -> r.dbInstanceIdentifier("my-writer"));
        var pg = rds.describeDBClusters(r -> r.dbClusterIdentifier("pg")).dbClusters().get(0);
        postgres = new Db(pg.dbClusterArn(), pg.masterUserSecret().secretArn(), true);
        String mySecret = box.secretsmanager().createSecret(r -> r.name("my-login")
                .secretString("{\"username\":\"learner\",\"password\":\"my-own-pass-1\"}")).arn();
        mysql = new Db(rds.describeDBClusters(r -> r.dbClusterIdentifier("my")).dbClusters().get(0).dbClusterArn(), mySecret, false);
    }

    @AfterAll
    void stop() {
        box.close();
    }

    private ExecuteStatementResponse run(Db db, String sql, SqlParameter... parameters) {
        return data.executeStatement(r -> r.resourceArn(db.clusterArn()).secretArn(db.secretArn()).database("shop").sql(sql)
                .parameters(parameters));
    }

    private static SqlParameter param(String name, Field value) {
        return SqlParameter.builder().name(name).value(value).build();
    }

    @Test
    void typedParametersAndFieldsOnAuroraPostgresql() {
        typedParametersAndFields(postgres);
    }

    @Test
    void typedParametersAndFieldsOnAuroraMysql() {
        typedParametersAndFields(mysql);
    }

    private void typedParametersAndFields(Db db) {
        String serial = db.postgres() ? "id SERIAL PRIMARY KEY" : "id INT AUTO_INCREMENT PRIMARY KEY";
        run(db, "CREATE TABLE items (" + serial + ", name VARCHAR(40), qty BIGINT, price DECIMAL(8,2), weight DOUBLE PRECISION,"
                + " fragile BOOLEAN, made DATE, note VARCHAR(40))");
        ExecuteStatementResponse inserted = run(db, "INSERT INTO items (name, qty, price, weight, fragile, made, note)"
                        + " VALUES (:name, :qty, :price, :weight, :fragile, :made, :note)",
                param("name", Field.fromStringValue("teapot")), param("qty", Field.fromLongValue(3L)),
                SqlParameter.builder().name("price").value(Field.fromStringValue("19.90")).typeHint(TypeHint.DECIMAL).build(),
                param("weight", Field.fromDoubleValue(0.75)), param("fragile", Field.fromBooleanValue(true)),
                SqlParameter.builder().name("made").value(Field.fromStringValue("2024-05-01")).typeHint(TypeHint.DATE).build(),
                param("note", Field.fromIsNull(true)));
        assertEquals(1L, inserted.numberOfRecordsUpdated());
        // Aurora MySQL reports the AUTO_INCREMENT key; Aurora PostgreSQL gives none (RETURNING is the way there).
        assertEquals(db.postgres() ? List.of() : List.of(Field.fromLongValue(1L)), inserted.generatedFields());

        ExecuteStatementResponse selected = data.executeStatement(r -> r.resourceArn(db.clusterArn()).secretArn(db.secretArn())
                .database("shop").includeResultMetadata(true)
                .sql("SELECT name, qty, price, weight, fragile, made, note FROM items WHERE qty >= :min")
                .parameters(param("min", Field.fromLongValue(2L))));
        assertEquals(List.of(List.of(Field.fromStringValue("teapot"), Field.fromLongValue(3L), Field.fromStringValue("19.90"),
                Field.fromDoubleValue(0.75), Field.fromBooleanValue(true), Field.fromStringValue("2024-05-01"),
                Field.fromIsNull(true))), selected.records());
        assertEquals(List.of("name", "qty", "price", "weight", "fragile", "made", "note"),
                selected.columnMetadata().stream().map(c -> c.label()).toList());
        assertEquals(0L, selected.numberOfRecordsUpdated());

        String json = data.executeStatement(r -> r.resourceArn(db.clusterArn()).secretArn(db.secretArn()).database("shop")
                .sql("SELECT name, qty FROM items").formatRecordsAs("JSON")).formattedRecords();
        assertEquals("[{\"name\":\"teapot\",\"qty\":3}]", json);
    }

    @Test
    void transactionsCommitAndRollBack() {
        for (Db db : List.of(postgres, mysql)) {
            run(db, "CREATE TABLE ledger (entry VARCHAR(20))");
            String undone = data.beginTransaction(r -> r.resourceArn(db.clusterArn()).secretArn(db.secretArn()).database("shop"))
                    .transactionId();
            data.executeStatement(r -> r.resourceArn(db.clusterArn()).secretArn(db.secretArn()).database("shop")
                    .transactionId(undone).sql("INSERT INTO ledger VALUES ('undone')"));
            assertEquals("Rollback Complete", data.rollbackTransaction(r -> r.resourceArn(db.clusterArn()).secretArn(db.secretArn())
                    .transactionId(undone)).transactionStatus());
            String kept = data.beginTransaction(r -> r.resourceArn(db.clusterArn()).secretArn(db.secretArn()).database("shop"))
                    .transactionId();
            data.batchExecuteStatement(r -> r.resourceArn(db.clusterArn()).secretArn(db.secretArn()).database("shop").transactionId(kept)
                    .sql("INSERT INTO ledger VALUES (:entry)")
                    .parameterSets(List.of(param("entry", Field.fromStringValue("a"))), List.of(param("entry", Field.fromStringValue("b")))));
            // not visible outside the transaction until it commits
            assertEquals(List.of(List.of(Field.fromLongValue(0L))), run(db, "SELECT COUNT(*) FROM ledger").records());
            assertEquals("Transaction Committed", data.commitTransaction(r -> r.resourceArn(db.clusterArn()).secretArn(db.secretArn())
                    .transactionId(kept)).transactionStatus());
            assertEquals(List.of(List.of(Field.fromLongValue(2L))), run(db, "SELECT COUNT(*) FROM ledger").records());
            TransactionNotFoundException gone = assertThrows(TransactionNotFoundException.class, () -> data.commitTransaction(r -> r
                    .resourceArn(db.clusterArn()).secretArn(db.secretArn()).transactionId(kept)));
            assertEquals(404, gone.statusCode());
        }
    }

    @Test
    void awsErrorsForEndpointSecretAndSql() {
        DatabaseErrorException sql = assertThrows(DatabaseErrorException.class, () -> run(postgres, "SELECT * FROM missing_table"));
        assertTrue(sql.awsErrorDetails().errorMessage().contains("SQLState: 42P01"), sql.getMessage());

        String wrong = box.secretsmanager().createSecret(r -> r.name("wrong-login")
                .secretString("{\"username\":\"learner\",\"password\":\"not-the-password\"}")).arn();
        BadRequestException refused = assertThrows(BadRequestException.class,
                () -> run(new Db(mysql.clusterArn(), wrong, false), "SELECT 1"));
        assertTrue(refused.awsErrorDetails().errorMessage().contains("refused"), refused.getMessage());
        String notJson = box.secretsmanager().createSecret(r -> r.name("just-text").secretString("hunter2")).arn();
        InvalidSecretException invalid = assertThrows(InvalidSecretException.class,
                () -> run(new Db(mysql.clusterArn(), notJson, false), "SELECT 1"));
        assertTrue(!invalid.getMessage().contains("hunter2"), "the secret's value is never repeated");

        rds.modifyDBCluster(r -> r.dbClusterIdentifier("my").enableHttpEndpoint(false));
        try {
            assertThrows(HttpEndpointNotEnabledException.class, () -> run(mysql, "SELECT 1"));
        } finally {
            rds.modifyDBCluster(r -> r.dbClusterIdentifier("my").enableHttpEndpoint(true));
        }
        assertEquals(List.of(List.of(Field.fromLongValue(1L))), run(mysql, "SELECT 1").records());
        assertThrows(NotFoundException.class, () -> run(new Db(mysql.clusterArn().replace(":my", ":nothing"), mysql.secretArn(), false),
                "SELECT 1"));
    }
}
