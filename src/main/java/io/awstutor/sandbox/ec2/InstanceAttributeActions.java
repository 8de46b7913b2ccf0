package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.Filter;
import io.awstutor.sandbox.protocol.FilterMatcher;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.awstutor.sandbox.ec2.Ec2Action.authorize;
import static io.awstutor.sandbox.ec2.NetworkActions.dryRun;

/**
 * DescribeInstanceAttribute and DescribeInstanceCreditSpecifications: the settings Terraform's
 * aws_instance and boto3's {@code Instance.describe_attribute} read. The sandbox keeps
 * its user data and the settings a caller changes (see {@link InstanceSettings}), and gives T-family instances AWS's default credit mode.
 */
final class InstanceAttributeActions {
    private static final List<String> ATTRIBUTES = List.of("instanceType", "kernel", "ramdisk", "userData",
            "disableApiTermination", "instanceInitiatedShutdownBehavior", "rootDeviceName", "blockDeviceMapping",
            "productCodes", "sourceDestCheck", "groupSet", "ebsOptimized", "sriovNetSupport", "enaSupport",
            "enclaveOptions", "disableApiStop");

    private final Ec2Backend backend;

    InstanceAttributeActions(Ec2Backend backend) {
        this.backend = backend;
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("DescribeInstanceAttribute", this::describeAttribute);
        actions.put("DescribeInstanceCreditSpecifications", this::describeCredits);
        actions.put("GetInstanceUefiData", this::uefiData);
    }

    private void describeAttribute(QueryParams params, ServiceCall call, XmlWriter xml) {
        String id = params.get("InstanceId");
        authorize(call, "DescribeInstanceAttribute", Ec2Action.arn(call, "instance/" + id));
        dryRun(params);
        if (id == null) {
            throw Ec2Errors.missingParameter("InstanceId");
        }
        String attribute = params.get("Attribute");
        if (attribute == null) {
            throw Ec2Errors.missingParameter("Attribute");
        }
        if (!ATTRIBUTES.contains(attribute)) {
            throw Ec2Errors.invalidParameterValue("Value (" + attribute + ") for parameter attribute is invalid. Unknown attribute.");
        }
        RegionState state = backend.region(call.accountId(), call.region());
        Instance instance = backend.instances().select(state, List.of(id)).get(0);
        boolean up = backend.instances().stateOf(instance).holdsNetwork();
        xml.element("instanceId", instance.id());
        switch (attribute) {
            case "instanceType" -> value(xml, attribute, instance.instanceType());
            case "userData" -> value(xml, attribute, instance.userData());
            case "kernel", "ramdisk", "sriovNetSupport" -> xml.empty(attribute);
            case "disableApiTermination" -> value(xml, attribute, instance.settings().disableApiTermination());
            case "disableApiStop" -> value(xml, attribute, instance.settings().disableApiStop());
            case "ebsOptimized" -> value(xml, attribute, false);
            case "instanceInitiatedShutdownBehavior" -> value(xml, attribute, instance.settings().shutdownBehavior());
            case "rootDeviceName" -> value(xml, attribute, RootVolume.DEVICE);
            case "sourceDestCheck" -> value(xml, attribute, instance.settings().sourceDestCheck());
            case "enaSupport" -> value(xml, attribute, true);
            case "enclaveOptions" -> xml.start(attribute).element("enabled", false).end();
            case "productCodes" -> xml.start(attribute).end();
            case "groupSet" -> {
                xml.start(attribute);
                for (Instance.GroupRef group : up ? instance.groups() : List.<Instance.GroupRef>of()) {
                    xml.start("item").element("groupId", group.groupId()).end();
                }
                xml.end();
            }
            default -> {
                xml.start(attribute);
                if (up) {
                    InstanceXml.rootDevice(xml, RootVolume.of(instance));
                }
                xml.end();
            }
        }
    }

    /** The sandbox's instances boot legacy BIOS: none has a UEFI variable store, so the answer names the instance only. */
    private void uefiData(QueryParams params, ServiceCall call, XmlWriter xml) {
        String id = params.get("InstanceId");
        authorize(call, "GetInstanceUefiData", Ec2Action.arn(call, "instance/" + id));
        dryRun(params);
        if (id == null) {
            throw Ec2Errors.missingParameter("InstanceId");
        }
        Instance instance = backend.instances().select(backend.region(call.accountId(), call.region()), List.of(id)).get(0);
        xml.element("instanceId", instance.id());
    }

    private static void value(XmlWriter xml, String attribute, Object value) {
        if (value == null) {
            xml.empty(attribute);
        } else {
            xml.start(attribute).element("value", value).end();
        }
    }

    /** T2 instances default to the standard credit mode, the newer T families to unlimited. */
    private void describeCredits(QueryParams params, ServiceCall call, XmlWriter xml) {
        authorize(call, "DescribeInstanceCreditSpecifications", "*");
        dryRun(params);
        RegionState state = backend.region(call.accountId(), call.region());
        List<Instance> instances = new ArrayList<>(backend.instances().describe(state, params.list("InstanceId"), List.of()));
        List<Filter> filters = Ec2Requests.filters(params);
        var predicate = new FilterMatcher<Instance>(Ec2Requests.FILTERS, Map.of("instance-id", FilterMatcher.one(Instance::id)), null).predicate(filters);
        instances.removeIf(i -> !predicate.test(i) || !InstanceTypes.find(i.instanceType()).map(InstanceType::burstable).orElse(false)
                || !backend.instances().stateOf(i).holdsNetwork());
        xml.start("instanceCreditSpecificationSet");
        for (Instance instance : instances) {
            xml.start("item").element("instanceId", instance.id())
                    .element("cpuCredits", instance.instanceType().startsWith("t2.") ? "standard" : "unlimited").end();
        }
        xml.end();
    }
}
