package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.protocol.Arns;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;

/** ARNs, resource ids, endpoint host names and hosted zones, shaped like AWS's. */
final class RdsNames {
    private static final String ALNUM_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String ALNUM_LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** The hosted zones AWS answers in Endpoint.HostedZoneId for the regions learners use most. */
    private static final Map<String, String> HOSTED_ZONES = Map.of(
            "us-east-1", "Z2R2ITUGPM61AM", "us-east-2", "Z2XHWR1WZ565X2", "us-west-1", "Z10WI91S59XXQN",
            "us-west-2", "Z1PVIF0B656C1W", "eu-west-1", "Z29XKXDKYMONMX", "eu-central-1", "Z1RLNUO7B9Q6NB");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RdsNames() {
    }

    /** An identifier as RDS keeps it: lower case; an ARN (accepted where an identifier is) gives its last part. */
    static String nameOf(String identifierOrArn) {
        String name = Arns.parse(identifierOrArn).map(a -> a.resource().resource()).orElse(identifierOrArn);
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    static String arn(String region, String account, String type, String name) {
        return Arns.regional("rds", region, account, type + ":" + name);
    }

    /** db-ABC… / cluster-ABC…: the immutable resource id. */
    static String resourceId(String prefix) {
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < 26; i++) {
            sb.append(ALNUM_UPPER.charAt(RANDOM.nextInt(ALNUM_UPPER.length())));
        }
        return sb.toString();
    }

    /** The 12-character part of endpoint names, fixed per account and region as on AWS. */
    static String endpointSuffix(String account, String region) {
        byte[] digest = sha256(account + ":" + region);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append(ALNUM_LOWER.charAt((digest[i] & 0xff) % ALNUM_LOWER.length()));
        }
        return sb.toString();
    }

    static String instanceEndpoint(String id, String account, String region) {
        return id + "." + endpointSuffix(account, region) + "." + region + ".rds.amazonaws.com";
    }

    static String clusterEndpoint(String id, String account, String region, boolean reader) {
        return id + (reader ? ".cluster-ro-" : ".cluster-") + endpointSuffix(account, region) + "." + region + ".rds.amazonaws.com";
    }

    static String hostedZone(String region) {
        String known = HOSTED_ZONES.get(region);
        if (known != null) {
            return known;
        }
        byte[] digest = sha256("zone:" + region);
        StringBuilder sb = new StringBuilder("Z");
        for (int i = 0; i < 13; i++) {
            sb.append(ALNUM_UPPER.charAt((digest[i] & 0xff) % ALNUM_UPPER.length()));
        }
        return sb.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
