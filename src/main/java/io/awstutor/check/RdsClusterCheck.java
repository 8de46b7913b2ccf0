package io.awstutor.check;

import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DbClusterNotFoundException;

import java.util.Optional;

/**
 * An Aurora DB cluster exists with an engine, a status and a Serverless v2 capacity range in
 * ACUs; or it is being deleted, or gone after the learner's own DeleteDBCluster this step:
 * {@code rds-cluster: {id: ${prefix}-aurora, engine: aurora-postgresql, min-capacity: 0, max-capacity: 2}},
 * {@code rds-cluster: {id: ${prefix}-aurora, gone: true}}.
 */
public record RdsClusterCheck(String id, Optional<String> engine, Optional<String> status, Optional<String> minCapacity,
                              Optional<String> maxCapacity, boolean gone, Optional<String> region) implements Check {

    static RdsClusterCheck parse(Object value) {
        Spec spec = Spec.of("rds-cluster", value, "id", "engine", "status", "min-capacity", "max-capacity", "gone", "region");
        return new RdsClusterCheck(spec.required("id"), spec.optional("engine"), spec.optional("status"),
                spec.optional("min-capacity"), spec.optional("max-capacity"), spec.bool("gone").orElse(false), spec.optional("region"));
    }

    @Override
    public Verdict run(CheckContext context) {
        String identifier = context.substitute(id);
        Optional<DBCluster> found;
        try (RdsClient rds = context.clients().rds(Ec2Lookup.region(context, region))) {
            found = rds.describeDBClusters(b -> b.dbClusterIdentifier(identifier)).dbClusters().stream().findFirst();
        } catch (DbClusterNotFoundException e) {
            found = Optional.empty();
        }
        if (gone) {
            if (found.isPresent() && "deleting".equals(found.get().status())) {
                return Verdict.pass("DB cluster " + identifier + " is being deleted");
            }
            if (found.isEmpty()) {
                // a fresh sandbox never had it: credit only the learner's own delete, as for DB instances
                return context.didThisStep("DeleteDBCluster", identifier) ? Verdict.pass("DB cluster " + identifier + " is gone")
                        : Verdict.fail("There is no DB cluster " + identifier + " to delete here (a sandbox starts empty each"
                                + " session): /catchup builds it again from the earlier steps, then delete it.");
            }
            return Verdict.fail("The DB cluster " + identifier + " still exists (" + found.get().status() + ").");
        }
        if (found.isEmpty()) {
            return Verdict.fail("There is no DB cluster named " + identifier + " yet.");
        }
        DBCluster c = found.get();
        if (engine.isPresent() && !engine.get().equalsIgnoreCase(c.engine())) {
            return Verdict.fail("The DB cluster " + identifier + " runs " + c.engine() + ", not " + engine.get() + ".");
        }
        var scaling = c.serverlessV2ScalingConfiguration();
        if ((minCapacity.isPresent() || maxCapacity.isPresent()) && scaling == null) {
            return Verdict.fail("The DB cluster " + identifier + " has no Serverless v2 capacity range "
                    + "(serverlessV2ScalingConfiguration) yet.");
        }
        if (minCapacity.isPresent() && Double.parseDouble(minCapacity.get()) != scaling.minCapacity()) {
            return Verdict.fail("The DB cluster " + identifier + " scales down to " + scaling.minCapacity() + " ACUs, not "
                    + minCapacity.get() + ".");
        }
        if (maxCapacity.isPresent() && Double.parseDouble(maxCapacity.get()) != scaling.maxCapacity()) {
            return Verdict.fail("The DB cluster " + identifier + " scales up to " + scaling.maxCapacity() + " ACUs, not "
                    + maxCapacity.get() + ".");
        }
        if (status.isPresent() && !status.get().equals(c.status())) {
            return Verdict.fail("The DB cluster " + identifier + " is " + c.status() + ", not " + status.get() + ".");
        }
        return Verdict.pass("DB cluster " + identifier + " (" + c.engine() + ", " + c.status() + ")");
    }

    @Override
    public String describe() {
        return "DB cluster " + id + (gone ? " gone" : "");
    }
}
