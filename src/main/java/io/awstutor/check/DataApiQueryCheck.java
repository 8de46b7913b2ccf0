package io.awstutor.check;

import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DbClusterNotFoundException;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.RdsDataException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A query through the RDS Data API, on an Aurora cluster as the user a Secrets Manager secret
 * names, returns rows that contain a text: {@code data-api-query: {cluster: ${prefix}-aurora,
 * secret: ${prefix}-aurora-login, database: shop, sql: "SELECT name FROM gadgets", contains: kettle}}.
 * It asks the database itself, so it sees what the learner's statements really did.
 */
public record DataApiQueryCheck(String cluster, String secret, Optional<String> database, String sql, Optional<String> contains,
                                Optional<String> region) implements Check {

    static DataApiQueryCheck parse(Object value) {
        Spec spec = Spec.of("data-api-query", value, "cluster", "secret", "database", "sql", "contains", "region");
        return new DataApiQueryCheck(spec.required("cluster"), spec.required("secret"), spec.optional("database"),
                spec.required("sql"), spec.optional("contains"), spec.optional("region"));
    }

    @Override
    public Verdict run(CheckContext context) {
        String clusterId = context.substitute(cluster);
        String secretName = context.substitute(secret);
        String regionName = Ec2Lookup.region(context, region);
        DBCluster found;
        try (RdsClient rds = context.clients().rds(regionName)) {
            found = rds.describeDBClusters(b -> b.dbClusterIdentifier(clusterId)).dbClusters().get(0);
        } catch (DbClusterNotFoundException e) {
            return Verdict.fail("There is no DB cluster named " + clusterId + " yet.");
        }
        if (!Boolean.TRUE.equals(found.httpEndpointEnabled())) {
            return Verdict.fail("The DB cluster " + clusterId + " has no HTTP endpoint for the Data API yet (enableHttpEndpoint).");
        }
        String secretArn;
        try (SecretsManagerClient sm = context.clients().secretsmanager(regionName)) {
            secretArn = sm.describeSecret(b -> b.secretId(secretName)).arn();
        } catch (ResourceNotFoundException e) {
            return Verdict.fail("There is no secret named " + secretName + " in Secrets Manager yet.");
        }
        String query = context.substitute(sql);
        List<List<Field>> records;
        try (RdsDataClient data = context.clients().rdsdata(regionName)) {
            records = data.executeStatement(b -> b.resourceArn(found.dbClusterArn()).secretArn(secretArn)
                    .database(database.map(context::substitute).orElse(null)).sql(query)).records();
        } catch (RdsDataException e) {
            return Verdict.fail("The Data API could not run " + query + ": " + e.awsErrorDetails().errorMessage());
        }
        String rows = records.stream().map(r -> r.stream().map(DataApiQueryCheck::text).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        if (contains.isPresent() && !rows.contains(context.substitute(contains.get()))) {
            return Verdict.fail("The query " + query + " returns " + (records.isEmpty() ? "no rows" : rows) + ", without "
                    + context.substitute(contains.get()) + ".");
        }
        return Verdict.pass("the Data API answers " + query + " with " + records.size() + " row(s)");
    }

    private static String text(Field field) {
        if (Boolean.TRUE.equals(field.isNull())) {
            return "NULL";
        }
        Object value = field.stringValue() != null ? field.stringValue() : field.longValue() != null ? field.longValue()
                : field.doubleValue() != null ? field.doubleValue() : field.booleanValue();
        return String.valueOf(value);
    }

    @Override
    public String describe() {
        return "Data API query on " + cluster;
    }
}
