package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.Filter;
import io.awstutor.sandbox.protocol.FilterMatcher;
import io.awstutor.sandbox.protocol.AwsException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** CreateTags, DeleteTags and DescribeTags across every taggable resource of a region. */
public final class Tagging {
    Tagging() {
    }

    public record TagDescription(String resourceId, String resourceType, String key, String value) {
    }

    public void create(RegionState state, List<String> resourceIds, Map<String, String> tags) {
        if (resourceIds.isEmpty()) {
            throw Ec2Errors.missingParameter("ResourceId");
        }
        if (tags.isEmpty()) {
            throw Ec2Errors.missingParameter("Tag");
        }
        synchronized (state) {
            for (String id : resourceIds) {
                requireExists(state, id);
            }
            for (String id : resourceIds) {
                state.tags.put(id, tags);
            }
        }
    }

    public void delete(RegionState state, List<String> resourceIds, Map<String, String> keys) {
        synchronized (state) {
            for (String id : resourceIds) {
                requireExists(state, id);
                state.tags.delete(id, keys);
            }
        }
    }

    private void requireExists(RegionState state, String id) {
        boolean exists = state.instances.containsKey(id) || state.groups.containsKey(id) || state.rules.containsKey(id)
                || state.vpcs.containsKey(id) || state.subnets.containsKey(id)
                || state.keyPairs.values().stream().anyMatch(k -> k.id().equals(id))
                || Images.forRegion(state.region.name()).stream().anyMatch(i -> i.id().equals(id));
        if (exists) {
            return;
        }
        String prefix = id.contains("-") ? id.substring(0, id.indexOf('-')) : id;
        String code = switch (prefix) {
            case "i" -> "InvalidInstanceID.NotFound";
            case "sg" -> "InvalidGroup.NotFound";
            case "vpc" -> "InvalidVpcID.NotFound";
            case "subnet" -> "InvalidSubnetID.NotFound";
            case "ami" -> "InvalidAMIID.NotFound";
            case "sgr" -> "InvalidSecurityGroupRuleId.NotFound";
            case "key" -> "InvalidKeyPair.NotFound";
            default -> "InvalidID";
        };
        if (code.equals("InvalidID")) {
            throw AwsException.badRequest(code, "The ID '" + id + "' is not valid");
        }
        throw AwsException.badRequest(code, "The ID '" + id + "' does not exist");
    }

    public List<TagDescription> describe(RegionState state, List<Filter> filters) {
        Map<String, Function<TagDescription, Collection<String>>> names = new HashMap<>();
        names.put("resource-id", FilterMatcher.one(TagDescription::resourceId));
        names.put("resource-type", FilterMatcher.one(TagDescription::resourceType));
        names.put("key", FilterMatcher.one(TagDescription::key));
        names.put("value", FilterMatcher.one(TagDescription::value));
        var predicate = new FilterMatcher<TagDescription>(Ec2Requests.FILTERS, names, null).predicate(filters);
        List<TagDescription> result = new ArrayList<>();
        synchronized (state) {
            state.tags.all().forEach((id, tags) -> tags.forEach((k, v) ->
                    result.add(new TagDescription(id, Ec2Tags.resourceType(id), k, v))));
        }
        result.removeIf(predicate.negate());
        result.sort(java.util.Comparator.comparing(TagDescription::resourceId).thenComparing(TagDescription::key));
        return result;
    }
}
