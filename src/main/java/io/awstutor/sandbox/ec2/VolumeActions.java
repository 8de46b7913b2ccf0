package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.FilterMatcher;
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

/** DescribeVolumes: the instances' root volumes (Terraform's aws_instance reads its root_block_device here). */
final class VolumeActions {
    private final Ec2Backend backend;

    VolumeActions(Ec2Backend backend) {
        this.backend = backend;
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("DescribeVolumes", this::describe);
    }

    private void describe(QueryParams params, ServiceCall call, XmlWriter xml) {
        authorize(call, "DescribeVolumes", "*");
        dryRun(params);
        RegionState state = backend.region(call.accountId(), call.region());
        Map<String, Function<RootVolume, Collection<String>>> names = new HashMap<>();
        names.put("volume-id", one(RootVolume::id));
        names.put("attachment.instance-id", v -> List.of(v.instance().id()));
        names.put("attachment.device", v -> List.of(RootVolume.DEVICE));
        names.put("attachment.status", v -> List.of("attached"));
        names.put("attachment.delete-on-termination", v -> List.of("true"));
        names.put("availability-zone", v -> List.of(v.instance().availabilityZone()));
        names.put("status", v -> List.of("in-use"));
        names.put("volume-type", v -> List.of("gp3"));
        names.put("size", v -> List.of(String.valueOf(RootVolume.SIZE_GIB)));
        names.put("encrypted", v -> List.of("false"));
        names.put("snapshot-id", one(RootVolume::snapshotId));
        names.put("multi-attach-enabled", v -> List.of("false"));
        List<String> ids = params.list("VolumeId");
        List<RootVolume> volumes = new ArrayList<>();
        for (Instance instance : backend.instances().select(state, List.of())) {
            if (backend.instances().stateOf(instance).holdsNetwork()) {
                volumes.add(RootVolume.of(instance));
            }
        }
        for (String id : ids) {
            if (!Ec2Ids.wellFormed(id, "vol")) {
                throw AwsException.badRequest("InvalidParameterValue", "Invalid id: \"" + id + "\" (expecting \"vol-...\")");
            }
        }
        synchronized (state) {
            new FilterMatcher<RootVolume>(Ec2Requests.FILTERS, names, v -> state.tags.of(v.id())).keepNamedAndMatching(volumes, RootVolume::id, ids,
                    Ec2Requests.filters(params), id -> AwsException.badRequest("InvalidVolume.NotFound", "The volume '" + id + "' does not exist."));
        }
        xml.start("volumeSet");
        for (RootVolume volume : volumes) {
            xml.start("item")
                    .element("volumeId", volume.id())
                    .element("size", RootVolume.SIZE_GIB)
                    .element("snapshotId", volume.snapshotId())
                    .element("availabilityZone", volume.instance().availabilityZone())
                    .element("status", "in-use")
                    .element("createTime", volume.attachTime())
                    .start("attachmentSet").start("item")
                    .element("volumeId", volume.id())
                    .element("instanceId", volume.instance().id())
                    .element("device", RootVolume.DEVICE)
                    .element("status", "attached")
                    .element("attachTime", volume.attachTime())
                    .element("deleteOnTermination", true)
                    .end().end()
                    .element("volumeType", "gp3")
                    .element("iops", 3000)
                    .element("encrypted", false)
                    .element("multiAttachEnabled", false)
                    .element("throughput", 125);
            Ec2Xml.tagSetIfAny(xml, NetworkActions.tags(state, volume.id()));
            xml.end();
        }
        xml.end();
    }
}
