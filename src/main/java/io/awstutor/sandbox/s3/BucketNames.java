package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.protocol.AwsException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * AWS's general purpose bucket naming rules. A name is a series of labels separated by single
 * periods, each starting and ending with a letter or digit: no "..", ".-" or "-.".
 */
public final class BucketNames {
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private static final List<String> PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

    private BucketNames() {
    }

    public static boolean valid(String name) {
        if (name == null || !SHAPE.matcher(name).matches() || name.contains("..") || name.contains(".-") || name.contains("-.") || IP.matcher(name).matches()) {
            return false;
        }
        return PREFIXES.stream().noneMatch(name::startsWith) && SUFFIXES.stream().noneMatch(name::endsWith);
    }

    public static void check(String name) {
        if (!valid(name)) {
            throw AwsException.badRequest("InvalidBucketName", "The specified bucket is not valid.").with("BucketName", name);
        }
    }
}
