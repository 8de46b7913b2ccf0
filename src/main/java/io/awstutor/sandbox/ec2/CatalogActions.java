package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.FilterMatcher;
import io.awstutor.sandbox.protocol.KeyedPages;

import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.awstutor.sandbox.ec2.Ec2Action.authorize;
import static io.awstutor.sandbox.protocol.FilterMatcher.one;
import static io.awstutor.sandbox.ec2.NetworkActions.dryRun;

/** DescribeImages and DescribeInstanceTypes: what can be launched. */
final class CatalogActions {
    private final Ec2Backend backend;

    CatalogActions(Ec2Backend backend) {
        this.backend = backend;
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("DescribeImages", this::describeImages);
        actions.put("DescribeInstanceTypes", this::describeInstanceTypes);
    }

    private void describeImages(QueryParams params, ServiceCall call, XmlWriter xml) {
        authorize(call, "DescribeImages", "*");
        dryRun(params);
        RegionState state = backend.region(call.accountId(), call.region());
        List<Image> images = new ArrayList<>(Images.forRegion(call.region()));
        List<String> ids = params.list("ImageId");
        for (String id : ids) {
            if (!Ec2Ids.wellFormed(id, "ami")) {
                throw AwsException.badRequest("InvalidAMIID.Malformed", "Invalid id: \"" + id + "\" (expecting \"ami-...\")");
            }
            if (images.stream().noneMatch(i -> i.id().equals(id))) {
                throw AwsException.badRequest("InvalidAMIID.NotFound", "The image id '[" + id + "]' does not exist");
            }
        }
        if (!ids.isEmpty()) {
            images.removeIf(i -> !ids.contains(i.id()));
        }
        List<String> owners = params.list("Owner");
        if (!owners.isEmpty()) {
            images.removeIf(i -> !owners.contains(i.ownerId()) && !owners.contains(i.ownerAlias())
                    && !(owners.contains("self") && i.ownerId().equals(call.accountId())));
        }
        Map<String, Function<Image, Collection<String>>> names = new HashMap<>();
        names.put("image-id", one(Image::id));
        names.put("name", one(Image::name));
        names.put("description", one(Image::description));
        names.put("architecture", one(Image::architecture));
        names.put("owner-id", one(Image::ownerId));
        names.put("owner-alias", one(Image::ownerAlias));
        names.put("state", i -> List.of("available"));
        names.put("is-public", i -> List.of("true"));
        names.put("image-type", i -> List.of("machine"));
        names.put("platform-details", one(Image::platformDetails));
        names.put("platform", i -> List.of()); // only Windows images have one
        names.put("creation-date", one(Image::creationDate));
        names.put("root-device-type", i -> List.of("ebs"));
        names.put("root-device-name", one(Image::rootDeviceName));
        names.put("virtualization-type", i -> List.of("hvm"));
        names.put("hypervisor", i -> List.of("xen"));
        names.put("ena-support", i -> List.of("true"));
        synchronized (state) {
            var predicate = new FilterMatcher<Image>(Ec2Requests.FILTERS, names, i -> state.tags.of(i.id())).predicate(Ec2Requests.filters(params));
            images.removeIf(predicate.negate());
        }
        xml.start("imagesSet");
        for (Image image : images) {
            xml.start("item")
                    .element("imageId", image.id())
                    .element("imageLocation", (image.ownerAlias() != null ? image.ownerAlias() : image.ownerId()) + "/" + image.name())
                    .element("imageState", "available")
                    .element("imageOwnerId", image.ownerId())
                    .element("creationDate", image.creationDate())
                    .element("isPublic", true)
                    .element("architecture", image.architecture())
                    .element("imageType", "machine")
                    .element("sriovNetSupport", "simple")
                    .element("enaSupport", true)
                    .element("platformDetails", image.platformDetails())
                    .element("usageOperation", "RunInstances")
                    .element("imageOwnerAlias", image.ownerAlias())
                    .element("name", image.name())
                    .element("description", image.description())
                    .element("rootDeviceType", "ebs")
                    .element("rootDeviceName", image.rootDeviceName())
                    .start("blockDeviceMapping").start("item")
                    .element("deviceName", image.rootDeviceName())
                    .start("ebs").element("snapshotId", Ec2Ids.stable("snap", image.id())).element("volumeSize", 8)
                    .element("deleteOnTermination", true).element("volumeType", "gp3").element("encrypted", false).end()
                    .end().end()
                    .element("virtualizationType", "hvm")
                    .element("hypervisor", "xen")
                    .element("bootMode", image.bootMode())
                    .element("imdsSupport", image.ownerId().equals(Images.AMAZON) && image.name().startsWith("al2023") ? "v2.0" : null);
            Ec2Xml.tagSetIfAny(xml, NetworkActions.tags(state, image.id()));
            xml.end();
        }
        xml.end();
    }

    private void describeInstanceTypes(QueryParams params, ServiceCall call, XmlWriter xml) {
        authorize(call, "DescribeInstanceTypes", "*");
        dryRun(params);
        List<String> requested = params.list("InstanceType");
        List<String> unknown = requested.stream().filter(t -> InstanceTypes.find(t).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw AwsException.badRequest("InvalidInstanceType", "The following supplied instance types do not exist: ["
                    + String.join(", ", unknown) + "]");
        }
        Map<String, Function<InstanceType, Collection<String>>> names = new HashMap<>();
        names.put("instance-type", one(InstanceType::name));
        names.put("current-generation", t -> List.of(String.valueOf(!t.family().equals("t2"))));
        names.put("free-tier-eligible", one(InstanceType::freeTierEligible));
        names.put("processor-info.supported-architecture", InstanceType::supportedArchitectures);
        names.put("processor-info.manufacturer", one(InstanceType::manufacturer));
        names.put("vcpu-info.default-vcpus", one(InstanceType::vcpus));
        names.put("vcpu-info.default-cores", one(InstanceType::cores));
        names.put("memory-info.size-in-mib", one(InstanceType::memoryMiB));
        names.put("burstable-performance-supported", one(InstanceType::burstable));
        names.put("hypervisor", one(InstanceType::hypervisor));
        var predicate = new FilterMatcher<InstanceType>(Ec2Requests.FILTERS, names, null).predicate(Ec2Requests.filters(params));
        List<InstanceType> types = new ArrayList<>(InstanceTypes.all());
        if (!requested.isEmpty()) {
            types.removeIf(t -> !requested.contains(t.name()));
        }
        types.removeIf(predicate.negate());
        Integer max = Ec2Requests.maxResults(params, "MaxResults", 5, 100);
        KeyedPages.Page<InstanceType> page = Ec2Requests.page(params, types, InstanceType::name, max);
        xml.start("instanceTypeSet");
        for (InstanceType type : page.items()) {
            instanceType(xml, type);
        }
        xml.end();
        page.next().ifPresent(token -> xml.element("nextToken", token));
    }

    private static void instanceType(XmlWriter xml, InstanceType type) {
        xml.start("item")
                .element("instanceType", type.name())
                .element("currentGeneration", !type.family().equals("t2"))
                .element("freeTierEligible", type.freeTierEligible())
                .start("supportedUsageClasses").element("item", "on-demand").element("item", "spot").end()
                .start("supportedRootDeviceTypes").element("item", "ebs").end()
                .start("supportedVirtualizationTypes").element("item", "hvm").end()
                .element("bareMetal", false)
                .element("hypervisor", type.hypervisor())
                .start("processorInfo")
                .start("supportedArchitectures");
        type.supportedArchitectures().forEach(a -> xml.element("item", a));
        xml.end()
                .element("sustainedClockSpeedInGhz", type.clockGhz())
                .element("manufacturer", type.manufacturer())
                .end()
                .start("vCpuInfo")
                .element("defaultVCpus", type.vcpus())
                .element("defaultCores", type.cores())
                .element("defaultThreadsPerCore", type.threadsPerCore())
                .end()
                .start("memoryInfo").element("sizeInMiB", type.memoryMiB()).end()
                .element("instanceStorageSupported", false)
                .start("networkInfo").element("networkPerformance", type.networkPerformance()).end()
                .element("burstablePerformanceSupported", type.burstable())
                .element("hibernationSupported", !type.architecture().equals("arm64"))
                .element("autoRecoverySupported", true)
                .end();
    }
}
