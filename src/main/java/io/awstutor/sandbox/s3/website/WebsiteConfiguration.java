package io.awstutor.sandbox.s3.website;

import java.util.List;

/**
 * A bucket's website configuration: either index/error documents with optional routing
 * rules, or a redirect of every request to another host.
 */
public record WebsiteConfiguration(String indexSuffix, String errorKey, RedirectAll redirectAll,
                                   List<RoutingRule> routingRules) {

    public WebsiteConfiguration {
        routingRules = routingRules == null ? List.of() : List.copyOf(routingRules);
    }

    public record RedirectAll(String hostName, String protocol) {
    }

    /** A rule: when the condition holds (key prefix and/or error code), redirect. */
    public record RoutingRule(String keyPrefixEquals, String httpErrorCodeReturnedEquals,
                              String hostName, String protocol, String replaceKeyPrefixWith,
                              String replaceKeyWith, String httpRedirectCode) {

        public boolean matches(String key, Integer errorCode) {
            if (keyPrefixEquals != null && !key.startsWith(keyPrefixEquals)) {
                return false;
            }
            if (httpErrorCodeReturnedEquals != null) {
                return errorCode != null && httpErrorCodeReturnedEquals.equals(String.valueOf(errorCode));
            }
            return errorCode == null;
        }

        public String redirectedKey(String key) {
            if (replaceKeyWith != null) {
                return replaceKeyWith;
            }
            if (replaceKeyPrefixWith != null) {
                String prefix = keyPrefixEquals == null ? "" : keyPrefixEquals;
                return replaceKeyPrefixWith + key.substring(prefix.length());
            }
            return key;
        }
    }
}
