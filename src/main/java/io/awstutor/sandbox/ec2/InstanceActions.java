package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.KeyedPages;

import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.awstutor.sandbox.ec2.Ec2Action.authorize;

/** RunInstances, DescribeInstances, DescribeInstanceStatus and the lifecycle actions. */
final class InstanceActions {
    private final Ec2Backend backend;

    private final Map<String, List<String>> launchesByToken = new java.util.concurrent.ConcurrentHashMap<>();

    InstanceActions(Ec2Backend backend) {
        this.backend = backend;
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("RunInstances", this::run);
        actions.put("DescribeInstances", this::describe);
        actions.put("DescribeInstanceStatus", this::describeStatus);
        actions.put("StopInstances", (p, c, x) -> lifecycle(p, c, x, "StopInstances"));
        actions.put("StartInstances", (p, c, x) -> lifecycle(p, c, x, "StartInstances"));
        actions.put("TerminateInstances", (p, c, x) -> lifecycle(p, c, x, "TerminateInstances"));
        actions.put("RebootInstances", this::reboot);
        actions.put("ModifyInstanceAttribute", this::modify);
    }

    private void run(QueryParams params, ServiceCall call, XmlWriter xml) {
        // ec2:InstanceType lets a policy limit what may be launched (a workshop's boundary does)
        String type = params.get("InstanceType");
        call.authorize("ec2:RunInstances", Ec2Action.arn(call, "instance/*"), "UnauthorizedOperation",
                type == null ? Map.of() : Map.of("ec2:InstanceType", List.of(type)), java.util.Optional.empty());
        RegionState state = backend.region(call.accountId(), call.region());
        // ClientToken makes RunInstances idempotent: SDKs fill it in and send the same one when they
        // retry a call whose answer was lost, and AWS answers the retry with the first launch's
        // instances instead of launching more. Tokens are kept for this sandbox's run (not across a
        // restart); a token reused with other parameters is not refused (AWS: IdempotentParameterMismatch).
        String token = params.get("ClientToken");
        String tokenKey = call.accountId() + "/" + call.region() + "/" + token;
        if (token != null && !token.isEmpty()) {
            List<String> earlier = launchesByToken.get(tokenKey);
            if (earlier != null) {
                InstanceXml.launched(xml, backend.instances().describe(state, earlier, List.of()), call.accountId(), state);
                return;
            }
        }
        LaunchRequest request = new LaunchRequest(params.get("ImageId"), params.get("InstanceType"),
                params.integer("MinCount").orElse(null), params.integer("MaxCount").orElse(null), params.get("KeyName"),
                params.list("SecurityGroupId"), params.list("SecurityGroup"), params.get("SubnetId"),
                params.get("PrivateIpAddress"), Ec2Requests.tagSpecifications(params, "instance", "volume", "network-interface", "spot-instances-request"), Ec2Requests.dryRun(params));
        List<Instance> launched = backend.instances().run(state, request);
        String userData = params.get("UserData");
        InstanceSettings settings = InstanceSettings.DEFAULTS
                .withDisableApiTermination(params.bool("DisableApiTermination").orElse(false))
                .withDisableApiStop(params.bool("DisableApiStop").orElse(false))
                .withShutdownBehavior(params.getOrDefault("InstanceInitiatedShutdownBehavior", "stop"));
        launched.forEach(i -> {
            i.setUserData(userData);
            i.setSettings(settings);
        });
        if (token != null && !token.isEmpty()) {
            launchesByToken.put(tokenKey, launched.stream().map(Instance::id).toList());
        }
        InstanceXml.launched(xml, launched, call.accountId(), state);
    }

    private void describe(QueryParams params, ServiceCall call, XmlWriter xml) {
        authorize(call, "DescribeInstances", "*");
        NetworkActions.dryRun(params);
        RegionState state = backend.region(call.accountId(), call.region());
        List<String> ids = params.list("InstanceId");
        Integer max = Ec2Requests.maxResults(params, "MaxResults", 5, 1000);
        if (max != null && !ids.isEmpty()) {
            throw Ec2Errors.invalidParameterCombination("The parameter instancesSet cannot be used with the parameter maxResults");
        }
        List<Instance> instances = backend.instances().describe(state, ids, Ec2Requests.filters(params));
        KeyedPages.Page<Instance> page = Ec2Requests.page(params, instances, Instance::id, max);
        Map<String, List<Instance>> byReservation = new LinkedHashMap<>();
        for (Instance instance : page.items()) {
            byReservation.computeIfAbsent(instance.reservationId(), k -> new ArrayList<>()).add(instance);
        }
        xml.start("reservationSet");
        byReservation.forEach((reservationId, members) -> {
            xml.start("item");
            InstanceXml.reservationBody(xml, reservationId, members.get(0).ownerId(), members, backend.instances(), state);
            xml.end();
        });
        xml.end();
        page.next().ifPresent(token -> xml.element("nextToken", token));
    }

    private void describeStatus(QueryParams params, ServiceCall call, XmlWriter xml) {
        authorize(call, "DescribeInstanceStatus", "*");
        NetworkActions.dryRun(params);
        RegionState state = backend.region(call.accountId(), call.region());
        boolean all = params.bool("IncludeAllInstances").orElse(false);
        Integer max = Ec2Requests.maxResults(params, "MaxResults", 5, 1000);
        List<Instance> instances = new ArrayList<>(backend.instances().describe(state, params.list("InstanceId"), Ec2Requests.filters(params)));
        if (!all) {
            instances.removeIf(i -> backend.instances().stateOf(i) != InstanceStateName.RUNNING);
        }
        KeyedPages.Page<Instance> page = Ec2Requests.page(params, instances, Instance::id, max);
        xml.start("instanceStatusSet");
        for (Instance instance : page.items()) {
            String status = InstanceHealth.status(backend, instance);
            xml.start("item").element("instanceId", instance.id())
                    .element("availabilityZone", instance.availabilityZone())
                    .start("eventsSet").end();
            InstanceXml.state(xml, "instanceState", backend.instances().stateOf(instance));
            for (String element : List.of("systemStatus", "instanceStatus")) {
                xml.start(element).element("status", status).start("details");
                String reachability = InstanceHealth.reachability(status);
                if (reachability != null) {
                    xml.start("item").element("name", "reachability").element("status", reachability).end();
                }
                xml.end().end();
            }
            xml.start("attachedEbsStatus").element("status", status).start("details").end().end();
            xml.end();
        }
        xml.end();
        page.next().ifPresent(token -> xml.element("nextToken", token));
    }

    private void lifecycle(QueryParams params, ServiceCall call, XmlWriter xml, String action) {
        RegionState state = backend.region(call.accountId(), call.region());
        List<String> ids = params.list("InstanceId");
        for (String id : ids) {
            authorize(call, action, Ec2Action.arn(call, "instance/" + id));
        }
        boolean dryRun = Ec2Requests.dryRun(params);
        List<Instances.StateChange> changes = switch (action) {
            case "StopInstances" -> backend.instances().stop(state, ids, dryRun);
            case "StartInstances" -> backend.instances().start(state, ids, dryRun);
            default -> backend.instances().terminate(state, ids, dryRun);
        };
        InstanceXml.stateChanges(xml, changes);
    }

    private void modify(QueryParams params, ServiceCall call, XmlWriter xml) {
        String id = params.get("InstanceId");
        authorize(call, "ModifyInstanceAttribute", Ec2Action.arn(call, "instance/" + id));
        String type = params.get("InstanceType.Value");
        List<String> groups = params.list("GroupId");
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : List.of("disableApiTermination", "disableApiStop", "instanceInitiatedShutdownBehavior", "sourceDestCheck", "userData")) {
            String structured = params.get(Character.toUpperCase(name.charAt(0)) + name.substring(1) + ".Value");
            if (structured != null) {
                settings.put(name, structured);
            }
        }
        String attribute = params.get("Attribute");
        String value = params.get("Value");
        if (attribute != null && value != null) {
            switch (attribute) {
                case "instanceType" -> type = value;
                case "disableApiTermination", "disableApiStop", "instanceInitiatedShutdownBehavior", "sourceDestCheck", "userData" ->
                        settings.put(attribute, value);
                default -> throw Ec2Errors.invalidParameterValue("Through Attribute/Value the sandbox changes instanceType, "
                        + "disableApiTermination, disableApiStop, instanceInitiatedShutdownBehavior, sourceDestCheck and userData "
                        + "(use GroupId.N for groups); '" + attribute + "' is not supported.");
            }
        }
        RegionState state = backend.region(call.accountId(), call.region());
        boolean dryRun = Ec2Requests.dryRun(params);
        if (settings.isEmpty() || !groups.isEmpty() || type != null) {
            backend.instances().modify(state, id, groups, type, dryRun);
        }
        if (!settings.isEmpty()) {
            backend.instances().configure(state, id, settings, dryRun);
        }
        xml.element("return", true);
    }

    private void reboot(QueryParams params, ServiceCall call, XmlWriter xml) {
        RegionState state = backend.region(call.accountId(), call.region());
        List<String> ids = params.list("InstanceId");
        for (String id : ids) {
            authorize(call, "RebootInstances", Ec2Action.arn(call, "instance/" + id));
        }
        backend.instances().reboot(state, ids, Ec2Requests.dryRun(params));
        xml.element("return", true);
    }
}
