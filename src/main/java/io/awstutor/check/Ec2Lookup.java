package io.awstutor.check;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Finds what lessons name: instances by their Name tag, security groups by name. */
final class Ec2Lookup {
    private Ec2Lookup() {
    }

    static String region(CheckContext context, Optional<String> region) {
        return region.map(context::substitute).orElse(context.clients().settings().region());
    }

    /**
     * The regions, other than {@code expected}, where the learner's calls this step created
     * something with {@code service} ("Ec2", "Rds"): where to look for what a check did not
     * find, so that a resource made with a client of another region is named as such.
     */
    static List<String> otherRegionsCreatedIn(CheckContext context, String service, String expected) {
        return context.callsThisStep().stream()
                .filter(c -> c.ok() && service.equalsIgnoreCase(c.service()) && c.region() != null && !c.region().equals(expected)
                        && (c.operation().startsWith("Create") || c.operation().startsWith("Run")))
                .map(io.awstutor.jshell.agent.CallRecord::region).distinct().toList();
    }

    /** What a check says when the resource is in another region than the lesson's. */
    static String inAnotherRegion(String what, String found, String expected) {
        return "No " + what + " in " + expected + ": the one you made is in " + found + ". This step works in " + expected
                + " (the region of the shell's clients); make it there.";
    }

    /** Every instance carrying this Name tag, newest launch first. */
    static List<Instance> instancesNamed(Ec2Client ec2, String name) {
        return ec2.describeInstancesPaginator(b -> b.filters(f -> f.name("tag:Name").values(name))).reservations().stream()
                .flatMap(r -> r.instances().stream())
                .filter(i -> name.equals(nameOf(i)))
                .sorted(Comparator.comparing(Instance::launchTime, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    /** The instance a lesson means by a name: the newest one that is not terminated. */
    static Optional<Instance> liveInstanceNamed(Ec2Client ec2, String name) {
        return instancesNamed(ec2, name).stream().filter(i -> !"terminated".equals(i.state().nameAsString())).findFirst();
    }

    static String nameOf(Instance instance) {
        return instance.tags().stream().filter(t -> "Name".equals(t.key())).map(Tag::value).findFirst().orElse(null);
    }

    static Optional<SecurityGroup> groupNamed(Ec2Client ec2, String name) {
        return ec2.describeSecurityGroupsPaginator(b -> b.filters(f -> f.name("group-name").values(name))).securityGroups()
                .stream().filter(g -> name.equals(g.groupName())).findFirst();
    }
}
