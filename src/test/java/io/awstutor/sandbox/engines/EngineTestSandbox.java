package io.awstutor.sandbox.engines;

import io.awstutor.progress.TutorHome;
import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.sandbox.TestSandbox;

/**
 * A sandbox with real engines (cached in the tutor's home, so a machine fetches each engine
 * once for every test and session) and an empty security group "db" in the default VPC.
 */
record EngineTestSandbox(TestSandbox box, String dbGroup) {

    static EngineTestSandbox start() {
        return start(0);
    }

    /** At that time scale: 0 for everything at once, or e.g. 0.01 for a hundredth of AWS's durations. */
    static EngineTestSandbox start(double timeScale) {
        TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withTimeScale(timeScale)
                .withEngines(EngineSettings.cachedIn(TutorHome.resolve()).withProgress(System.err::println)));
        String vpc = box.ec2().describeVpcs(r -> r.filters(f -> f.name("is-default").values("true"))).vpcs().get(0).vpcId();
        String group = box.ec2().createSecurityGroup(r -> r.groupName("db").description("database").vpcId(vpc)).groupId();
        return new EngineTestSandbox(box, group);
    }

    /** Lets the learner's address in through the "db" group on TCP ports {@code from} to {@code to}. */
    EngineTestSandbox admitLearner(int from, int to) {
        box.ec2().authorizeSecurityGroupIngress(r -> r.groupId(dbGroup).ipPermissions(p -> p.ipProtocol("tcp").fromPort(from)
                .toPort(to).ipRanges(range -> range.cidrIp(EngineFleet.LEARNER_PUBLIC_IP + "/32"))));
        return this;
    }
}
