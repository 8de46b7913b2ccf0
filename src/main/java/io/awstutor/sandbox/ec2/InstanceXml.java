package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.XmlWriter;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** EC2's instance and reservation shapes. */
final class InstanceXml {
    private static final DateTimeFormatter REASON_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'GMT'").withZone(ZoneOffset.UTC);

    private InstanceXml() {
    }

    /** The reservation's own fields; RunInstances writes them at the top, DescribeInstances inside an item. */
    static void reservationBody(XmlWriter xml, String reservationId, String ownerId, List<Instance> instances,
                                Instances lifecycle, RegionState state) {
        reservationBody(xml, reservationId, ownerId, instances, lifecycle::stateOf, state);
    }

    /** RunInstances answers {@code pending} whatever the time scale: that is the state at the moment of launch. */
    static void launched(XmlWriter xml, List<Instance> instances, String ownerId, RegionState state) {
        reservationBody(xml, instances.get(0).reservationId(), ownerId, instances, i -> InstanceStateName.PENDING, state);
    }

    private static void reservationBody(XmlWriter xml, String reservationId, String ownerId, List<Instance> instances,
                                        java.util.function.Function<Instance, InstanceStateName> stateOf, RegionState state) {
        xml.element("reservationId", reservationId).element("ownerId", ownerId).start("groupSet").end();
        xml.start("instancesSet");
        for (Instance instance : instances) {
            instance(xml, instance, stateOf.apply(instance), NetworkActions.tags(state, instance.id()), state.region().name());
        }
        xml.end();
    }

    static void state(XmlWriter xml, String element, InstanceStateName state) {
        xml.start(element).element("code", state.code()).element("name", state.label()).end();
    }

    static void stateChanges(XmlWriter xml, List<Instances.StateChange> changes) {
        xml.start("instancesSet");
        for (Instances.StateChange change : changes) {
            xml.start("item").element("instanceId", change.instanceId());
            state(xml, "currentState", change.current());
            state(xml, "previousState", change.previous());
            xml.end();
        }
        xml.end();
    }

    /** The root volume's item of a blockDeviceMapping (DescribeInstances, DescribeInstanceAttribute). */
    static void rootDevice(XmlWriter xml, RootVolume volume) {
        xml.start("item").element("deviceName", RootVolume.DEVICE)
                .start("ebs").element("volumeId", volume.id()).element("status", "attached")
                .element("attachTime", volume.attachTime()).element("deleteOnTermination", true).end()
                .end();
    }

    static void instance(XmlWriter xml, Instance instance, InstanceStateName state, Map<String, String> tags, String region) {
        boolean terminated = state == InstanceStateName.TERMINATED;
        InstanceType type = InstanceTypes.find(instance.instanceType()).orElse(null);
        String privateIp = terminated ? null : instance.privateIp();
        xml.start("item")
                .element("instanceId", instance.id())
                .element("imageId", instance.imageId());
        state(xml, "instanceState", state);
        xml.element("privateDnsName", privateIp == null ? "" : Ec2Dns.privateName(region, privateIp))
                .element("dnsName", instance.publicIp() == null ? "" : Ec2Dns.publicName(region, instance.publicIp()))
                .element("reason", instance.stateReason() == null ? "" : instance.stateReason() + " (" + REASON_TIME.format(instance.commandAt()) + ")")
                .element("keyName", instance.keyName())
                .element("amiLaunchIndex", instance.launchIndex())
                .start("productCodes").end()
                .element("instanceType", instance.instanceType())
                .element("launchTime", instance.launchTime())
                .start("placement").element("availabilityZone", instance.availabilityZone()).element("groupName", "")
                .element("tenancy", "default").end()
                .element("platformDetails", instance.platformDetails())
                .element("usageOperation", "RunInstances")
                .start("monitoring").element("state", "disabled").end();
        if (!terminated) {
            xml.element("subnetId", instance.subnetId()).element("vpcId", instance.vpcId());
        }
        xml.element("privateIpAddress", privateIp)
                .element("ipAddress", instance.publicIp())
                .element("sourceDestCheck", instance.settings().sourceDestCheck())
                .start("groupSet");
        if (!terminated) {
            for (Instance.GroupRef group : instance.groups()) {
                xml.start("item").element("groupId", group.groupId()).element("groupName", group.groupName()).end();
            }
        }
        xml.end();
        if (instance.stateReason() != null && (state == InstanceStateName.STOPPED || state == InstanceStateName.STOPPING
                || state == InstanceStateName.TERMINATED || state == InstanceStateName.SHUTTING_DOWN)) {
            xml.start("stateReason").element("code", "Client.UserInitiatedShutdown")
                    .element("message", "Client.UserInitiatedShutdown: User initiated shutdown").end();
        }
        xml.element("architecture", instance.architecture())
                .element("rootDeviceType", "ebs")
                .element("rootDeviceName", RootVolume.DEVICE)
                .start("blockDeviceMapping");
        if (!terminated) {
            rootDevice(xml, RootVolume.of(instance));
        }
        xml.end()
                .element("virtualizationType", "hvm")
                .element("clientToken", "");
        Ec2Xml.tagSetIfAny(xml, tags);
        // the model allows xen or ovm here; AWS answers xen for Nitro types too (DescribeInstanceTypes says nitro)
        xml.element("hypervisor", "xen")
                .start("networkInterfaceSet");
        if (!terminated) {
            xml.start("item")
                    .element("networkInterfaceId", Ec2Ids.stable("eni", instance.id()))
                    .element("subnetId", instance.subnetId())
                    .element("vpcId", instance.vpcId())
                    .element("ownerId", instance.ownerId())
                    .element("status", "in-use")
                    .element("description", "")
                    .element("macAddress", NetworkInterface.macOf(Ec2Ids.stable("eni", instance.id())))
                    .element("privateIpAddress", privateIp)
                    .element("privateDnsName", Ec2Dns.privateName(region, privateIp))
                    .element("sourceDestCheck", instance.settings().sourceDestCheck())
                    .start("groupSet");
            for (Instance.GroupRef group : instance.groups()) {
                xml.start("item").element("groupId", group.groupId()).element("groupName", group.groupName()).end();
            }
            xml.end();
            xml.start("attachment").element("attachmentId", Ec2Ids.stable("eni-attach", Ec2Ids.stable("eni", instance.id())))
                    .element("deviceIndex", 0).element("status", "attached").element("attachTime", instance.launchTime())
                    .element("deleteOnTermination", true).element("networkCardIndex", 0).end();
            association(xml, instance, region);
            xml.start("privateIpAddressesSet").start("item").element("privateIpAddress", privateIp)
                    .element("privateDnsName", Ec2Dns.privateName(region, privateIp)).element("primary", true);
            association(xml, instance, region);
            xml.end().end()
                    .start("ipv6AddressesSet").end()
                    .element("interfaceType", "interface").end();
        }
        xml.end()
                .element("ebsOptimized", false)
                .element("enaSupport", true);
        if (type != null) {
            xml.start("cpuOptions").element("coreCount", type.cores()).element("threadsPerCore", type.threadsPerCore()).end();
        }
        xml.start("capacityReservationSpecification").element("capacityReservationPreference", "open").end()
                .start("hibernationOptions").element("configured", false).end()
                .start("metadataOptions").element("state", "applied").element("httpTokens", "required")
                .element("httpPutResponseHopLimit", 2).element("httpEndpoint", "enabled")
                .element("httpProtocolIpv6", "disabled").element("instanceMetadataTags", "disabled").end()
                .start("enclaveOptions").element("enabled", false).end()
                .element("bootMode", "uefi-preferred")
                .start("maintenanceOptions").element("autoRecovery", "default").end()
                .element("currentInstanceBootMode", "legacy-bios")
                .start("privateDnsNameOptions").element("hostnameType", "ip-name")
                .element("enableResourceNameDnsARecord", false).element("enableResourceNameDnsAAAARecord", false).end()
                .end();
    }

    private static void association(XmlWriter xml, Instance instance, String region) {
        if (instance.publicIp() != null) {
            xml.start("association").element("publicIp", instance.publicIp())
                    .element("publicDnsName", Ec2Dns.publicName(region, instance.publicIp()))
                    .element("ipOwnerId", "amazon").end();
        }
    }
}
