package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.FilterMatcher;
import io.awstutor.sandbox.protocol.Filter;
import io.awstutor.sandbox.protocol.KeyedPages;

import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.Tag;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decoding of EC2's request parameters that several actions share: filters, tag
 * specifications, tags, rule permissions (both the IpPermissions list and the older flat
 * CidrIp/IpProtocol/FromPort/ToPort form), DryRun and page sizes.
 */
final class Ec2Requests {
    /** EC2's filters: values take wildcards; an unknown or missing name is InvalidParameterValue. */
    static final FilterMatcher.Dialect FILTERS = new FilterMatcher.Dialect(true,
            name -> Ec2Errors.invalidParameterValue("The filter '" + name + "' is invalid"));

    private Ec2Requests() {
    }

    static boolean dryRun(QueryParams params) {
        return params.bool("DryRun").orElse(false);
    }

    static List<Filter> filters(QueryParams params) {
        List<Filter> filters = new ArrayList<>();
        for (QueryParams filter : params.structs("Filter")) {
            filters.add(new Filter(filter.get("Name"), filter.list("Value")));
        }
        return filters;
    }

    /**
     * The tags of the TagSpecification entries for {@code resourceType}. Entries for the other
     * resources the call creates ({@code alsoTaggable}, e.g. RunInstances' volumes) are accepted
     * and not kept; any other type is refused, as AWS refuses it, before anything is created.
     */
    static Map<String, String> tagSpecifications(QueryParams params, String resourceType, String... alsoTaggable) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (QueryParams spec : params.structs("TagSpecification")) {
            String type = spec.get("ResourceType");
            if (type == null) {
                throw Ec2Errors.invalidParameterValue("Tag specification resource type must have a value");
            }
            if (type.equals(resourceType)) {
                tags.putAll(tags(spec, true));
            } else if (!List.of(alsoTaggable).contains(type)) {
                throw Ec2Errors.invalidParameterValue("'" + type + "' is not a valid taggable resource type for this operation.");
            }
        }
        return tags;
    }

    /** {@code Tag.N.Key/Value}; for DeleteTags a missing value means "whatever the value". */
    static Map<String, String> tags(QueryParams params, boolean valueRequired) {
        List<Tag> tags = new ArrayList<>();
        for (QueryParams tag : params.structs("Tag")) {
            tags.add(new Tag(tag.get("Key"), tag.get("Value")));
        }
        Map<String, String> checked = Ec2TagRules.RULES.requested(tags);
        return valueRequired ? checked : Tag.map(tags);
    }

    static Integer maxResults(QueryParams params, String name, int min, int max) {
        Integer value = params.integer(name).orElse(null);
        if (value != null && (value < min || value > max)) {
            throw Ec2Errors.invalidParameterValue("Value ( " + value + " ) for parameter maxResults is invalid. "
                    + "Expecting a value greater than " + (min - 1) + ".");
        }
        return value;
    }

    /** One page of {@code items} in the order of {@code key}, from the request's NextToken (see {@link KeyedPages}). */
    static <T> KeyedPages.Page<T> page(QueryParams params, List<T> items, java.util.function.Function<T, String> key, Integer max) {
        String token = params.get("NextToken");
        return KeyedPages.page(items, key, java.util.Optional.ofNullable(token), max,
                () -> Ec2Errors.invalidParameterValue("Invalid value '" + token + "' for parameter NextToken."));
    }

    static byte[] blob(QueryParams params, String name) {
        String value = params.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw Ec2Errors.invalidParameterValue("Value for parameter " + name + " is not valid base64.");
        }
    }

    /**
     * The permissions of Authorize/Revoke: the {@code IpPermissions.N} list, or the older flat
     * form. Group peers named by name are resolved in the target group's VPC.
     */
    static List<IpPermission> permissions(QueryParams params, Ec2Backend backend, RegionState state, SecurityGroup target) {
        List<IpPermission> result = new ArrayList<>();
        for (QueryParams p : params.structs("IpPermissions")) {
            result.add(permission(p.get("IpProtocol"), p.integer("FromPort").orElse(null), p.integer("ToPort").orElse(null),
                    peers(p, backend, state, target)));
        }
        String cidr = params.get("CidrIp");
        String sourceName = params.get("SourceSecurityGroupName");
        if (cidr != null || sourceName != null || (result.isEmpty() && params.get("IpProtocol") != null)) {
            if (cidr != null && sourceName != null) {
                throw Ec2Errors.invalidParameterCombination("The parameter 'cidrIp' may not be used in combination with 'sourceSecurityGroupName'");
            }
            List<IpPermission.Peer> peers = new ArrayList<>();
            if (cidr != null) {
                peers.add(new IpPermission.Peer(ipv4(cidr, "cidrIp"), null));
            }
            if (sourceName != null) {
                SecurityGroup source = backend.securityGroups().byName(state, target.vpcId(), sourceName);
                peers.add(new IpPermission.Peer(new RulePeer.Group(source.id(), params.getOrDefault("SourceSecurityGroupOwnerId", state.accountId())), null));
            }
            String protocol = params.get("IpProtocol");
            if (protocol == null && sourceName != null) {
                protocol = IpProtocol.ALL;
            }
            result.add(permission(protocol, params.integer("FromPort").orElse(null), params.integer("ToPort").orElse(null), peers));
        }
        return result;
    }

    private static IpPermission permission(String rawProtocol, Integer from, Integer to, List<IpPermission.Peer> peers) {
        String protocol = IpProtocol.normalize(rawProtocol);
        if (protocol.equals(IpProtocol.ALL) || (!IpProtocol.hasPorts(protocol) && !IpProtocol.isIcmp(protocol))) {
            return new IpPermission(protocol, null, null, peers);
        }
        if (IpProtocol.isIcmp(protocol)) {
            return new IpPermission(protocol, from == null ? -1 : from, to == null ? -1 : to, peers);
        }
        return new IpPermission(protocol, from, to, peers);
    }

    private static List<IpPermission.Peer> peers(QueryParams p, Ec2Backend backend, RegionState state, SecurityGroup target) {
        List<IpPermission.Peer> peers = new ArrayList<>();
        for (QueryParams range : p.structs("IpRanges")) {
            peers.add(new IpPermission.Peer(ipv4(range.get("CidrIp"), "cidrIp"), range.get("Description")));
        }
        for (QueryParams range : p.structs("Ipv6Ranges")) {
            String cidr = range.get("CidrIpv6");
            if (cidr == null || !Ipv6Cidr.isValid(cidr)) {
                throw Ec2Errors.invalidParameterValue("CIDR block " + cidr + " is malformed");
            }
            peers.add(new IpPermission.Peer(new RulePeer.Ipv6(cidr.toLowerCase(java.util.Locale.ROOT)), range.get("Description")));
        }
        for (QueryParams list : p.structs("PrefixListIds")) {
            String id = list.get("PrefixListId");
            if (id == null || !id.startsWith("pl-")) {
                throw AwsException.badRequest("InvalidPrefixListId.Malformed", "The prefix list ID '" + id + "' is malformed");
            }
            peers.add(new IpPermission.Peer(new RulePeer.PrefixList(id), list.get("Description")));
        }
        for (QueryParams pair : p.structs("Groups")) {
            String groupId = pair.get("GroupId");
            String userId = pair.getOrDefault("UserId", state.accountId());
            if (groupId == null) {
                String name = pair.get("GroupName");
                if (name == null) {
                    throw Ec2Errors.missingParameter("GroupId");
                }
                groupId = backend.securityGroups().byName(state, target.vpcId(), name).id();
            }
            peers.add(new IpPermission.Peer(new RulePeer.Group(groupId, userId), pair.get("Description")));
        }
        return peers;
    }

    private static RulePeer.Ipv4 ipv4(String cidr, String parameter) {
        if (cidr == null || !Ipv4Cidr.isValid(cidr)) {
            throw Ec2Errors.invalidParameterValue("Value (" + cidr + ") for parameter " + parameter
                    + " is invalid. This is not a valid CIDR block.");
        }
        return RulePeer.Ipv4.of(cidr);
    }
}
