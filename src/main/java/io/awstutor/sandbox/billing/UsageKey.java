package io.awstutor.sandbox.billing;

import java.util.Map;

/**
 * What a piece of usage is billed as: whose (account, region), which product of the price
 * list (service code, usage type, and the attributes that tell products sharing a usage
 * type apart, such as an RDS engine), for which resource, with which cost allocation tags.
 */
public record UsageKey(String account, String region, String serviceCode, String usageType, Map<String, String> priceAttributes,
                       String resourceId, Map<String, String> tags) {

    public UsageKey {
        priceAttributes = Map.copyOf(priceAttributes);
        tags = Map.copyOf(tags);
    }
}
