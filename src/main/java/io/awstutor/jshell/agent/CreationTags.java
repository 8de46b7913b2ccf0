package io.awstutor.jshell.agent;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.ec2.model.AllocateAddressRequest;
import software.amazon.awssdk.services.ec2.model.CreateNatGatewayRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateVolumeRequest;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.rds.model.CreateDbClusterRequest;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceReadReplicaRequest;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds the {@code awstutor:lesson} tag to what a call creates, where the service takes tags
 * at creation, so a learner (and /cleanup) can tell the tutor's resources from their own.
 * A tag the learner set under the same key is left as it is.
 */
public final class CreationTags {
    public static final String KEY = "awstutor:lesson";

    private CreationTags() {
    }

    public static SdkRequest add(SdkRequest request, String lesson) {
        if (request instanceof RunInstancesRequest r) {
            return r.toBuilder().tagSpecifications(ec2(r.tagSpecifications(), lesson, ResourceType.INSTANCE, ResourceType.VOLUME)).build();
        }
        if (request instanceof CreateSecurityGroupRequest r) {
            return r.toBuilder().tagSpecifications(ec2(r.tagSpecifications(), lesson, ResourceType.SECURITY_GROUP)).build();
        }
        if (request instanceof AllocateAddressRequest r) {
            return r.toBuilder().tagSpecifications(ec2(r.tagSpecifications(), lesson, ResourceType.ELASTIC_IP)).build();
        }
        if (request instanceof CreateNatGatewayRequest r) {
            return r.toBuilder().tagSpecifications(ec2(r.tagSpecifications(), lesson, ResourceType.NATGATEWAY)).build();
        }
        if (request instanceof CreateVolumeRequest r) {
            return r.toBuilder().tagSpecifications(ec2(r.tagSpecifications(), lesson, ResourceType.VOLUME)).build();
        }
        if (request instanceof CreateDbInstanceRequest r) {
            return r.hasTags() && r.tags().stream().anyMatch(t -> KEY.equals(t.key())) ? r
                    : r.toBuilder().tags(rds(r.tags(), lesson)).build();
        }
        if (request instanceof CreateDbClusterRequest r) {
            return r.hasTags() && r.tags().stream().anyMatch(t -> KEY.equals(t.key())) ? r
                    : r.toBuilder().tags(rds(r.tags(), lesson)).build();
        }
        if (request instanceof CreateDbInstanceReadReplicaRequest r) {
            return r.hasTags() && r.tags().stream().anyMatch(t -> KEY.equals(t.key())) ? r
                    : r.toBuilder().tags(rds(r.tags(), lesson)).build();
        }
        if (request instanceof CreateUserRequest r) {
            return r.hasTags() && r.tags().stream().anyMatch(t -> KEY.equals(t.key())) ? r
                    : r.toBuilder().tags(iam(r.tags(), lesson)).build();
        }
        if (request instanceof CreateRoleRequest r) {
            return r.hasTags() && r.tags().stream().anyMatch(t -> KEY.equals(t.key())) ? r
                    : r.toBuilder().tags(iam(r.tags(), lesson)).build();
        }
        return request;
    }

    private static List<TagSpecification> ec2(List<TagSpecification> given, String lesson, ResourceType... types) {
        List<TagSpecification> specs = new ArrayList<>();
        List<ResourceType> missing = new ArrayList<>(List.of(types));
        software.amazon.awssdk.services.ec2.model.Tag tag = software.amazon.awssdk.services.ec2.model.Tag.builder()
                .key(KEY).value(lesson).build();
        for (TagSpecification spec : given) {
            if (missing.remove(spec.resourceType()) && spec.tags().stream().noneMatch(t -> KEY.equals(t.key()))) {
                List<software.amazon.awssdk.services.ec2.model.Tag> tags = new ArrayList<>(spec.tags());
                tags.add(tag);
                specs.add(spec.toBuilder().tags(tags).build());
            } else {
                specs.add(spec);
            }
        }
        for (ResourceType type : missing) {
            specs.add(TagSpecification.builder().resourceType(type).tags(tag).build());
        }
        return specs;
    }

    private static List<software.amazon.awssdk.services.rds.model.Tag> rds(List<software.amazon.awssdk.services.rds.model.Tag> given,
                                                                         String lesson) {
        List<software.amazon.awssdk.services.rds.model.Tag> tags = new ArrayList<>(given);
        tags.add(software.amazon.awssdk.services.rds.model.Tag.builder().key(KEY).value(lesson).build());
        return tags;
    }

    private static List<software.amazon.awssdk.services.iam.model.Tag> iam(List<software.amazon.awssdk.services.iam.model.Tag> given,
                                                                         String lesson) {
        List<software.amazon.awssdk.services.iam.model.Tag> tags = new ArrayList<>(given);
        tags.add(software.amazon.awssdk.services.iam.model.Tag.builder().key(KEY).value(lesson).build());
        return tags;
    }
}
