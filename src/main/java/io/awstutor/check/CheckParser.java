package io.awstutor.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a lesson's {@code check} block (YAML, already parsed): a list whose items each
 * name one kind of check, e.g.
 * <pre>
 * - iam-user: ${prefix}-alice
 * - called: sts.GetCallerIdentity
 * - variable: {name: me, type: GetCallerIdentityResponse}
 * </pre>
 * The kinds are listed in docs/authoring.md; an unknown kind is an authoring error.
 */
public final class CheckParser {
    private CheckParser() {
    }

    public static List<Check> parse(Object yaml) {
        List<Check> checks = new ArrayList<>();
        List<?> items = yaml instanceof List<?> list ? list : List.of(yaml);
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> map) || map.size() != 1) {
                throw new IllegalArgumentException("each check is one 'kind: value' item, got: " + item);
            }
            Map.Entry<?, ?> entry = map.entrySet().iterator().next();
            checks.add(parseOne(String.valueOf(entry.getKey()), entry.getValue()));
        }
        return checks;
    }

    private static Check parseOne(String kind, Object value) {
        return switch (kind) {
            case "called" -> CalledCheck.parse(String.valueOf(value));
            case "variable" -> value instanceof Map<?, ?> m
                    ? new VariableCheck(required(m, "name", kind), optional(m, "type"), optional(m, "contains"))
                    : new VariableCheck(String.valueOf(value), Optional.empty(), Optional.empty());
            case "iam-user" -> new IamUserCheck(value instanceof Map<?, ?> m ? required(m, "name", kind) : String.valueOf(value));
            case "call-failed" -> CallFailedCheck.parse(value);
            case "iam-group" -> IamGroupCheck.parse(value);
            case "iam-role" -> IamRoleCheck.parse(value);
            case "iam-policy-attached" -> IamPolicyAttachedCheck.parse(value);
            case "iam-access-key-count" -> IamAccessKeyCountCheck.parse(value);
            case "s3-bucket" -> S3BucketCheck.parse(value);
            case "s3-object" -> S3ObjectCheck.parse(value);
            case "s3-bucket-policy" -> S3BucketPolicyCheck.parse(value);
            case "s3-website" -> S3WebsiteCheck.parse(value);
            case "http-get" -> HttpGetCheck.parse(value);
            case "ec2-instance" -> Ec2InstanceCheck.parse(value);
            case "security-group" -> SecurityGroupCheck.parse(value);
            case "reachable", "not-reachable" -> ReachabilityCheck.parse(kind, value);
            case "rds-instance" -> RdsInstanceCheck.parse(value);
            case "rds-cluster" -> RdsClusterCheck.parse(value);
            case "data-api-query" -> DataApiQueryCheck.parse(value);
            case "ses-identity" -> SesIdentityCheck.parse(value);
            case "cloudfront-distribution" -> CloudFrontDistributionCheck.parse(value);
            case "budget" -> BudgetCheck.parse(value);
            default -> throw new IllegalArgumentException("unknown check kind '" + kind + "' (see docs/authoring.md for the kinds)");
        };
    }

    static String required(Map<?, ?> map, String key, String kind) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("check '" + kind + "' needs '" + key + "'");
        }
        return String.valueOf(value);
    }

    static Optional<String> optional(Map<?, ?> map, String key) {
        return Optional.ofNullable(map.get(key)).map(String::valueOf);
    }
}
