package io.awstutor.check;

import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;

import java.util.Optional;

/**
 * A DB instance exists with an engine, Multi-AZ and status; or it is gone (deleted or being
 * deleted): {@code rds-instance: {id: ${prefix}-db, engine: mysql, multi-az: true}},
 * {@code rds-instance: {id: ${prefix}-db, gone: true}}.
 */
public record RdsInstanceCheck(String id, Optional<String> engine, Optional<Boolean> multiAz, Optional<String> status,
                               boolean gone, Optional<String> region) implements Check {

    static RdsInstanceCheck parse(Object value) {
        Spec spec = Spec.of("rds-instance", value, "id", "engine", "multi-az", "status", "gone", "region");
        return new RdsInstanceCheck(spec.required("id"), spec.optional("engine"), spec.bool("multi-az"), spec.optional("status"),
                spec.bool("gone").orElse(false), spec.optional("region"));
    }

    @Override
    public Verdict run(CheckContext context) {
        String identifier = context.substitute(id);
        Optional<DBInstance> found;
        try (RdsClient rds = context.clients().rds(Ec2Lookup.region(context, region))) {
            found = rds.describeDBInstances(b -> b.dbInstanceIdentifier(identifier)).dbInstances().stream().findFirst();
        } catch (DbInstanceNotFoundException e) {
            found = Optional.empty();
        }
        if (gone) {
            if (found.isPresent() && "deleting".equals(found.get().dbInstanceStatus())) {
                return Verdict.pass("DB instance " + identifier + " is being deleted");
            }
            if (found.isEmpty()) {
                return context.didThisStep("DeleteDBInstance", identifier) ? Verdict.pass("DB instance " + identifier + " is gone")
                        : Verdict.fail("There is no DB instance " + identifier + " to delete here (a sandbox starts empty each"
                                + " session): /catchup builds it again from the earlier steps, then delete it.");
            }
            return Verdict.fail("The DB instance " + identifier + " still exists (" + found.get().dbInstanceStatus() + ").");
        }
        if (found.isEmpty()) {
            String expected = Ec2Lookup.region(context, region);
            for (String other : Ec2Lookup.otherRegionsCreatedIn(context, "Rds", expected)) {
                try (RdsClient elsewhere = context.clients().rds(other)) {
                    if (!elsewhere.describeDBInstances(b -> b.dbInstanceIdentifier(identifier)).dbInstances().isEmpty()) {
                        return Verdict.fail(Ec2Lookup.inAnotherRegion("DB instance named " + identifier, other, expected));
                    }
                } catch (DbInstanceNotFoundException e) {
                    // not there either
                }
            }
            return Verdict.fail("There is no DB instance named " + identifier + " yet.");
        }
        DBInstance db = found.get();
        if ("deleting".equals(db.dbInstanceStatus())) {
            return Verdict.fail("The DB instance " + identifier + " is being deleted, so its name is still taken; once it is gone"
                    + " (rds.waiter().waitUntilDBInstanceDeleted(...)) create it again.");
        }
        if (engine.isPresent() && !engine.get().equalsIgnoreCase(db.engine())) {
            return Verdict.fail("The DB instance " + identifier + " runs " + db.engine() + ", not " + engine.get() + ".");
        }
        if (multiAz.isPresent() && multiAz.get() != Boolean.TRUE.equals(db.multiAZ())) {
            return Verdict.fail("The DB instance " + identifier + (multiAz.get() ? " is not Multi-AZ: it has no standby in a second zone."
                    : " is Multi-AZ; this step wants a single-AZ instance."));
        }
        if (status.isPresent() && !status.get().equals(db.dbInstanceStatus())) {
            return Verdict.fail("The DB instance " + identifier + " is " + db.dbInstanceStatus() + ", not " + status.get()
                    + (status.get().equals("available") ? " yet; wait with rds.waiter().waitUntilDBInstanceAvailable(...)." : "."));
        }
        return Verdict.pass("DB instance " + identifier + " (" + db.engine() + (Boolean.TRUE.equals(db.multiAZ()) ? ", Multi-AZ" : "")
                + ", " + db.dbInstanceStatus() + ")");
    }

    @Override
    public String describe() {
        return "DB instance " + id + (gone ? " gone" : "");
    }
}
