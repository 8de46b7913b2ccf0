package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.s3.access.Acl;
import io.awstutor.sandbox.s3.access.ObjectOwnership;
import io.awstutor.sandbox.s3.access.PublicAccessBlock;
import io.awstutor.sandbox.s3.website.WebsiteConfiguration;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything about a bucket except its objects and uploads: owner, region, versioning,
 * tags, and the access and website settings. Immutable; persisted as one JSON file.
 * {@code versioning} is null (never enabled), "Enabled" or "Suspended"; a null
 * {@code publicAccessBlock} or {@code ownership} means none is configured; so do a null
 * {@code cors} and {@code lifecycle}. The lifecycle document is kept as it was put, because the
 * sandbox never acts on it (AWS runs lifecycle rules once a day, later than a session lasts).
 */
public record BucketConfig(String name, String ownerAccount, String region, Instant created,
                           String versioning, Map<String, String> tags, Acl acl, String policy,
                           PublicAccessBlock publicAccessBlock, ObjectOwnership ownership,
                           WebsiteConfiguration website, List<CorsRule> cors, String lifecycle) {

    public BucketConfig {
        tags = tags == null ? null : Map.copyOf(tags);
        cors = cors == null ? null : List.copyOf(cors);
    }

    public boolean versioningEnabled() {
        return "Enabled".equals(versioning);
    }

    public PublicAccessBlock effectiveBlock() {
        return publicAccessBlock == null ? PublicAccessBlock.ALL_OFF : publicAccessBlock;
    }

    public ObjectOwnership effectiveOwnership() {
        return ownership == null ? ObjectOwnership.ObjectWriter : ownership;
    }

    public BucketConfig withVersioning(String v) {
        return new BucketConfig(name, ownerAccount, region, created, v, tags, acl, policy, publicAccessBlock, ownership, website, cors, lifecycle);
    }

    public BucketConfig withTags(Map<String, String> t) {
        return new BucketConfig(name, ownerAccount, region, created, versioning, t, acl, policy, publicAccessBlock, ownership, website, cors, lifecycle);
    }

    public BucketConfig withAcl(Acl a) {
        return new BucketConfig(name, ownerAccount, region, created, versioning, tags, a, policy, publicAccessBlock, ownership, website, cors, lifecycle);
    }

    public BucketConfig withPolicy(String p) {
        return new BucketConfig(name, ownerAccount, region, created, versioning, tags, acl, p, publicAccessBlock, ownership, website, cors, lifecycle);
    }

    public BucketConfig withPublicAccessBlock(PublicAccessBlock b) {
        return new BucketConfig(name, ownerAccount, region, created, versioning, tags, acl, policy, b, ownership, website, cors, lifecycle);
    }

    public BucketConfig withOwnership(ObjectOwnership o) {
        return new BucketConfig(name, ownerAccount, region, created, versioning, tags, acl, policy, publicAccessBlock, o, website, cors, lifecycle);
    }

    public BucketConfig withWebsite(WebsiteConfiguration w) {
        return new BucketConfig(name, ownerAccount, region, created, versioning, tags, acl, policy, publicAccessBlock, ownership, w, cors, lifecycle);
    }

    public BucketConfig withCors(List<CorsRule> c) {
        return new BucketConfig(name, ownerAccount, region, created, versioning, tags, acl, policy, publicAccessBlock, ownership,
                website, c, lifecycle);
    }

    public BucketConfig withLifecycle(String l) {
        return new BucketConfig(name, ownerAccount, region, created, versioning, tags, acl, policy, publicAccessBlock, ownership,
                website, cors, l);
    }
}
