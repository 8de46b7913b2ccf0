package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.waiters.Ec2Waiter;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Instances, images, types and key pairs through the SDK for Java, the lifecycle through Ec2Waiter. */
class Ec2InstancesHttpTest {
    /** 15 s boot becomes 0.3 s: a waiter sees "pending" first, then "running". */
    private static final double TIME_SCALE = 0.02;

    private TestSandbox box;
    private Ec2Client ec2;

    @BeforeEach
    void start() {
        box = TestSandbox.start(TIME_SCALE);
        ec2 = box.ec2();
    }

    @AfterEach
    void stop() {
        box.close();
    }

    private String image(String namePattern) {
        return ec2.describeImages(r -> r.owners("amazon", "099720109477").filters(
                Filter.builder().name("name").values(namePattern).build())).images().get(0).imageId();
    }

    private Ec2Waiter waiter() {
        return Ec2Waiter.builder().client(ec2).overrideConfiguration(WaiterOverrideConfiguration.builder()
                .maxAttempts(100).backoffStrategy(a -> Duration.ofMillis(50)).build()).build();
    }

    @Test
    void instanceTypesHaveTheirRealFigures() {
        List<InstanceTypeInfo> types = ec2.describeInstanceTypes(r -> r.instanceTypesWithStrings("t2.micro", "t3.medium", "t4g.small",
                "m5.large", "c5.xlarge")).instanceTypes();
        assertEquals(5, types.size());
        InstanceTypeInfo t2 = types.stream().filter(t -> t.instanceTypeAsString().equals("t2.micro")).findFirst().orElseThrow();
        assertEquals(1, t2.vCpuInfo().defaultVCpus());
        assertEquals(1024L, t2.memoryInfo().sizeInMiB());
        assertTrue(t2.freeTierEligible());
        InstanceTypeInfo t4g = types.stream().filter(t -> t.instanceTypeAsString().equals("t4g.small")).findFirst().orElseThrow();
        assertEquals("arm64", t4g.processorInfo().supportedArchitecturesAsStrings().get(0));
        InstanceTypeInfo c5 = types.stream().filter(t -> t.instanceTypeAsString().equals("c5.xlarge")).findFirst().orElseThrow();
        assertEquals(4, c5.vCpuInfo().defaultVCpus());
        assertEquals(8192L, c5.memoryInfo().sizeInMiB());
        Ec2Exception e = assertThrows(Ec2Exception.class, () -> ec2.describeInstanceTypes(r -> r.instanceTypesWithStrings("t9.huge")));
        assertEquals("InvalidInstanceType", e.awsErrorDetails().errorCode());
    }

    @Test
    void imagesPerRegionWithArchitectures() {
        List<Image> images = ec2.describeImages(r -> r.owners("amazon")).images();
        assertTrue(images.stream().anyMatch(i -> i.name().startsWith("al2023-ami-") && i.architectureAsString().equals("arm64")));
        assertTrue(images.stream().anyMatch(i -> i.name().startsWith("amzn2-ami-")));
        String ubuntu = image("ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*");
        assertTrue(ubuntu.matches("ami-[0-9a-f]{17}"), ubuntu);
        String inOhio = box.ec2(TestSandbox.root(), "us-east-2").describeImages(r -> r.owners("099720109477").filters(
                Filter.builder().name("name").values("ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*").build()))
                .images().get(0).imageId();
        assertFalse(ubuntu.equals(inOhio), "AMI ids differ per region");
        assertEquals(images.size(), ec2.describeImages(r -> r.owners("amazon").filters(Filter.builder().name("creation-date")
                .values("20*").build())).images().size());
        assertEquals(0, ec2.describeImages(r -> r.owners("amazon").filters(Filter.builder().name("platform")
                .values("windows").build())).images().size(), "no Windows images: their platform filter matches none");
    }

    @Test
    void aRetriedRunInstancesWithItsClientTokenLaunchesNothingMore() {
        // an SDK retrying a launch whose answer was lost sends the same ClientToken again
        String ami = image("al2023-ami-2023*-x86_64");
        var first = ec2.runInstances(r -> r.imageId(ami).instanceType("t3.micro").minCount(1).maxCount(1).clientToken("retry-1"));
        var again = ec2.runInstances(r -> r.imageId(ami).instanceType("t3.micro").minCount(1).maxCount(1).clientToken("retry-1"));
        assertEquals(first.instances().get(0).instanceId(), again.instances().get(0).instanceId());
        assertEquals(first.reservationId(), again.reservationId());
        var other = ec2.runInstances(r -> r.imageId(ami).instanceType("t3.micro").minCount(1).maxCount(1).clientToken("retry-2"));
        assertFalse(other.instances().get(0).instanceId().equals(first.instances().get(0).instanceId()));
        ec2.terminateInstances(r -> r.instanceIds(first.instances().get(0).instanceId(), other.instances().get(0).instanceId()));
    }

    @Test
    void launchWaitStopStartTerminateWithTheSdkWaiter() {
        String ami = image("al2023-ami-2023*-x86_64");
        String key = "web-key";
        String material = ec2.createKeyPair(r -> r.keyName(key)).keyMaterial();
        assertTrue(material.startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        var reservation = ec2.runInstances(r -> r.imageId(ami).instanceType("t3.micro").minCount(2).maxCount(2)
                .keyName(key).tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
                        .tags(Tag.builder().key("Name").value("web").build()).build()));
        assertEquals(2, reservation.instances().size());
        Instance first = reservation.instances().get(0);
        assertTrue(first.instanceId().matches("i-[0-9a-f]{17}"), first.instanceId());
        assertEquals(InstanceStateName.PENDING, first.state().name());
        assertEquals(0, first.state().code());
        assertTrue(first.privateIpAddress().startsWith("172.31."), first.privateIpAddress());
        assertNotNull(first.publicIpAddress(), "default subnets give public addresses");
        assertEquals(key, first.keyName());
        assertEquals("default", first.securityGroups().get(0).groupName());
        List<String> ids = reservation.instances().stream().map(Instance::instanceId).toList();

        waiter().waitUntilInstanceRunning(r -> r.instanceIds(ids)).matched().response().orElseThrow();
        Instance running = ec2.describeInstances(r -> r.instanceIds(first.instanceId())).reservations().get(0).instances().get(0);
        assertEquals(InstanceStateName.RUNNING, running.state().name());
        assertEquals("web", running.tags().get(0).value());
        assertEquals(2, ec2.describeInstances(r -> r.filters(Filter.builder().name("tag:Name").values("web").build(),
                Filter.builder().name("instance-state-name").values("running").build())).reservations().get(0).instances().size());

        assertEquals(InstanceStateName.STOPPING, ec2.stopInstances(r -> r.instanceIds(first.instanceId()))
                .stoppingInstances().get(0).currentState().name());
        waiter().waitUntilInstanceStopped(r -> r.instanceIds(first.instanceId()));
        Instance stopped = ec2.describeInstances(r -> r.instanceIds(first.instanceId())).reservations().get(0).instances().get(0);
        assertNull(stopped.publicIpAddress(), "a stopped instance gives its public address back");
        Ec2Exception reboot = assertThrows(Ec2Exception.class, () -> ec2.rebootInstances(r -> r.instanceIds(first.instanceId())));
        assertEquals("IncorrectInstanceState", reboot.awsErrorDetails().errorCode());
        ec2.startInstances(r -> r.instanceIds(first.instanceId()));
        waiter().waitUntilInstanceRunning(r -> r.instanceIds(first.instanceId()));

        ec2.terminateInstances(r -> r.instanceIds(ids));
        waiter().waitUntilInstanceTerminated(r -> r.instanceIds(ids));
        assertEquals(2, ec2.describeInstances(r -> r.instanceIds(ids)).reservations().get(0).instances().size(),
                "terminated instances stay visible for a while");
        box.clock().advance(Duration.ofSeconds(75)); // an hour at this pace
        Ec2Exception gone = assertThrows(Ec2Exception.class, () -> ec2.describeInstances(r -> r.instanceIds(first.instanceId())));
        assertEquals("InvalidInstanceID.NotFound", gone.awsErrorDetails().errorCode());
        assertEquals("The instance ID '" + first.instanceId() + "' does not exist", gone.awsErrorDetails().errorMessage());
    }

    @Test
    void launchErrorsAndDryRun() {
        String x86 = image("al2023-ami-2023*-x86_64");
        Ec2Exception arch = assertThrows(Ec2Exception.class, () -> ec2.runInstances(r -> r.imageId(x86).instanceType("t4g.micro")
                .minCount(1).maxCount(1)));
        assertEquals("InvalidParameterValue", arch.awsErrorDetails().errorCode());
        assertTrue(arch.awsErrorDetails().errorMessage().startsWith(
                "The architecture 'arm64' of the specified instance type does not match the architecture 'x86_64' of the specified AMI."),
                arch.awsErrorDetails().errorMessage());
        Ec2Exception dry = assertThrows(Ec2Exception.class, () -> ec2.runInstances(r -> r.imageId(x86).instanceType("t2.micro")
                .minCount(1).maxCount(1).dryRun(true)));
        assertEquals("DryRunOperation", dry.awsErrorDetails().errorCode());
        assertEquals(0, ec2.describeInstances().reservations().size());
        assertEquals("InvalidAMIID.NotFound", assertThrows(Ec2Exception.class, () -> ec2.runInstances(r -> r.imageId("ami-0123456789abcdef0")
                .instanceType("t2.micro").minCount(1).maxCount(1))).awsErrorDetails().errorCode());
        assertEquals("InvalidKeyPair.NotFound", assertThrows(Ec2Exception.class, () -> ec2.runInstances(r -> r.imageId(x86)
                .instanceType("t2.micro").keyName("nope").minCount(1).maxCount(1))).awsErrorDetails().errorCode());
        // no instance type: AWS's default m1.small runs no HVM image, and AWS says so rather than "invalid value"
        Ec2Exception untyped = assertThrows(Ec2Exception.class, () -> ec2.runInstances(r -> r.imageId(x86).minCount(1).maxCount(1)));
        assertEquals("InvalidParameterCombination", untyped.awsErrorDetails().errorCode());
        assertEquals("Non-Windows instances with a virtualization type of 'hvm' are currently not supported for this instance type.",
                untyped.awsErrorDetails().errorMessage());
        // a tag specification for a resource RunInstances does not create is refused, and nothing is launched
        Ec2Exception badTagType = assertThrows(Ec2Exception.class, () -> ec2.runInstances(r -> r.imageId(x86).instanceType("t2.micro")
                .minCount(1).maxCount(1).tagSpecifications(TagSpecification.builder().resourceType("security-group")
                        .tags(Tag.builder().key("a").value("b").build()).build())));
        assertEquals("InvalidParameterValue", badTagType.awsErrorDetails().errorCode());
        assertEquals("'security-group' is not a valid taggable resource type for this operation.", badTagType.awsErrorDetails().errorMessage());
        assertEquals(0, ec2.describeInstances().reservations().size());
        // volumes are among the resources it creates: their tags are accepted
        String tagged = ec2.runInstances(r -> r.imageId(x86).instanceType("t2.micro").minCount(1).maxCount(1).tagSpecifications(
                TagSpecification.builder().resourceType("volume").tags(Tag.builder().key("v").value("1").build()).build()))
                .instances().get(0).instanceId();
        ec2.terminateInstances(r -> r.instanceIds(tagged));
        assertEquals("InvalidInstanceID.Malformed", assertThrows(Ec2Exception.class,
                () -> ec2.describeInstances(r -> r.instanceIds("web-1"))).awsErrorDetails().errorCode());
        assertEquals("InvalidInstanceID.NotFound", assertThrows(Ec2Exception.class,
                () -> ec2.terminateInstances(r -> r.instanceIds("i-0123456789abcdef0"))).awsErrorDetails().errorCode());
        String group = ec2.createSecurityGroup(r -> r.groupName("in-use").description("held by an instance")).groupId();
        String instance = ec2.runInstances(r -> r.imageId(x86).instanceType("t2.micro").minCount(1).maxCount(1)
                .securityGroupIds(group)).instances().get(0).instanceId();
        Ec2Exception inUse = assertThrows(Ec2Exception.class, () -> ec2.deleteSecurityGroup(r -> r.groupId(group)));
        assertEquals("DependencyViolation", inUse.awsErrorDetails().errorCode());
        ec2.terminateInstances(r -> r.instanceIds(instance));
        waiter().waitUntilInstanceTerminated(r -> r.instanceIds(instance));
        ec2.deleteSecurityGroup(r -> r.groupId(group));
    }

    @Test
    void awsFilterNamesOnWhatTheInstanceShowsWork() {
        String ami = image("al2023-ami-2023*-x86_64");
        Instance launched = ec2.runInstances(r -> r.imageId(ami).instanceType("t3.micro").minCount(1).maxCount(1)).instances().get(0);
        String zoneId = ec2.describeAvailabilityZones(r -> r.zoneNames(launched.placement().availabilityZone()))
                .availabilityZones().get(0).zoneId();
        java.util.function.BiFunction<String, String, Integer> count = (name, value) -> ec2.describeInstances(r -> r.filters(
                Filter.builder().name(name).values(value).build())).reservations().stream().mapToInt(res -> res.instances().size()).sum();
        assertEquals(1, count.apply("availability-zone-id", zoneId));
        assertEquals(1, count.apply("root-device-type", "ebs"));
        assertEquals(1, count.apply("hypervisor", "xen"), "the filter takes ovm or xen; Nitro instances say xen");
        assertEquals(1, count.apply("network-interface.subnet-id", launched.subnetId()));
        assertEquals(1, count.apply("network-interface.association.public-ip", launched.publicIpAddress()));
        assertEquals(1, count.apply("launch-time", launched.launchTime().toString().substring(0, 10) + "*"));
        assertEquals(0, count.apply("instance-lifecycle", "spot"), "an on-demand instance has no lifecycle");
        assertEquals(0, count.apply("tenancy", "dedicated"));
        Ec2Exception unknown = assertThrows(Ec2Exception.class, () -> count.apply("no-such-filter", "x"));
        assertEquals("The filter 'no-such-filter' is invalid", unknown.awsErrorDetails().errorMessage());
    }

    @Test
    void describeInstancesPages() {
        String ami = image("al2023-ami-2023*-x86_64");
        ec2.runInstances(r -> r.imageId(ami).instanceType("t3.nano").minCount(12).maxCount(12));
        int pages = 0;
        int seen = 0;
        for (DescribeInstancesResponse page : ec2.describeInstancesPaginator(r -> r.maxResults(5))) {
            pages++;
            seen += page.reservations().stream().mapToInt(res -> res.instances().size()).sum();
        }
        assertEquals(3, pages);
        assertEquals(12, seen);
        Ec2Exception e = assertThrows(Ec2Exception.class, () -> ec2.describeInstances(r -> r.maxResults(3)));
        assertEquals("InvalidParameterValue", e.awsErrorDetails().errorCode());
    }

    @Test
    void keyPairsCreateImportDescribeDelete() {
        ec2.createKeyPair(r -> r.keyName("ed").keyType("ed25519"));
        String pub = ec2.describeKeyPairs(r -> r.keyNames("ed").includePublicKey(true)).keyPairs().get(0).publicKey();
        assertTrue(pub.startsWith("ssh-ed25519 "), pub);
        ec2.importKeyPair(r -> r.keyName("imported").publicKeyMaterial(
                software.amazon.awssdk.core.SdkBytes.fromUtf8String(pub.substring(0, pub.lastIndexOf(' ')) + " me@laptop")));
        List<KeyPairInfo> keys = ec2.describeKeyPairs().keyPairs();
        assertEquals(List.of("ed", "imported"), keys.stream().map(KeyPairInfo::keyName).toList());
        assertTrue(keys.get(0).keyPairId().matches("key-[0-9a-f]{17}"));
        Ec2Exception duplicate = assertThrows(Ec2Exception.class, () -> ec2.createKeyPair(r -> r.keyName("ed")));
        assertEquals("InvalidKeyPair.Duplicate", duplicate.awsErrorDetails().errorCode());
        Ec2Exception bad = assertThrows(Ec2Exception.class, () -> ec2.importKeyPair(r -> r.keyName("bad")
                .publicKeyMaterial(software.amazon.awssdk.core.SdkBytes.fromUtf8String("not a key"))));
        assertEquals("InvalidKey.Format", bad.awsErrorDetails().errorCode());
        ec2.deleteKeyPair(r -> r.keyName("ed"));
        ec2.deleteKeyPair(r -> r.keyName("ed"));
        assertEquals(1, ec2.describeKeyPairs().keyPairs().size());
        assertEquals("InvalidKeyPair.NotFound", assertThrows(Ec2Exception.class,
                () -> ec2.describeKeyPairs(r -> r.keyNames("ed"))).awsErrorDetails().errorCode());
    }
}
