package io.awstutor.check;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;

import java.util.List;
import java.util.Optional;

/**
 * Instances tagged {@code Name=NAME} are in a state (default running), at least one or
 * exactly {@code count}: {@code ec2-instance: {name: ${prefix}-web, state: terminated}}.
 */
public record Ec2InstanceCheck(String name, String state, Optional<Integer> count, Optional<String> region) implements Check {

    static Ec2InstanceCheck parse(Object value) {
        Spec spec = Spec.of("ec2-instance", value, "name", "state", "count", "region");
        return new Ec2InstanceCheck(spec.required("name"), spec.optional("state").orElse("running"), spec.integer("count"),
                spec.optional("region"));
    }

    @Override
    public Verdict run(CheckContext context) {
        String tag = context.substitute(name);
        List<Instance> named;
        try (Ec2Client ec2 = context.clients().ec2(Ec2Lookup.region(context, region))) {
            named = Ec2Lookup.instancesNamed(ec2, tag);
        }
        List<Instance> inState = named.stream().filter(i -> state.equals(i.state().nameAsString())).toList();
        if (count.isPresent() && inState.size() != count.get()) {
            return Verdict.fail(count.get() + " instance(s) tagged Name=" + tag + " should be " + state + "; "
                    + inState.size() + " are" + (named.isEmpty() ? " (no instance has that tag yet)." : "."));
        }
        if (count.isEmpty() && inState.isEmpty()) {
            if (named.isEmpty()) {
                String expected = Ec2Lookup.region(context, region);
                for (String other : Ec2Lookup.otherRegionsCreatedIn(context, "Ec2", expected)) {
                    try (Ec2Client elsewhere = context.clients().ec2(other)) {
                        if (!Ec2Lookup.instancesNamed(elsewhere, tag).isEmpty()) {
                            return Verdict.fail(Ec2Lookup.inAnotherRegion("instance tagged Name=" + tag, other, expected));
                        }
                    }
                }
                return Verdict.fail("No instance is tagged Name=" + tag + " yet (add the tag when you launch it).");
            }
            Instance newest = named.get(0);
            String actual = newest.state().nameAsString();
            String wait = switch (state) {
                case "running" -> " yet; wait for it with ec2.waiter().waitUntilInstanceRunning(...)";
                case "terminated" -> " yet; terminate it, then wait with ec2.waiter().waitUntilInstanceTerminated(...)";
                case "stopped" -> " yet; wait for it with ec2.waiter().waitUntilInstanceStopped(...)";
                default -> "";
            };
            return Verdict.fail("The instance " + newest.instanceId() + " (Name=" + tag + ") is " + actual + ", not " + state + wait + ".");
        }
        return Verdict.pass((inState.size() == 1 ? inState.get(0).instanceId() : inState.size() + " instances")
                + " (Name=" + tag + ") " + state);
    }

    @Override
    public String describe() {
        return "instance " + name + " " + state;
    }
}
