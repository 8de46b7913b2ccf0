package io.awstutor.sandbox.regions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commercial regions (partition aws) and their zones, as of late 2026. EC2's
 * DescribeRegions, S3's location constraints and every regional service's "unknown region"
 * answer read this one list.
 */
public final class Regions {
    private static final Map<String, Region> ALL = new LinkedHashMap<>();

    static {
        add("us-east-1", "US East (N. Virginia)", "abcdef", false);
        add("us-east-2", "US East (Ohio)", "abc", false);
        add("us-west-1", "US West (N. California)", "ac", false);
        add("us-west-2", "US West (Oregon)", "abcd", false);
        add("af-south-1", "Africa (Cape Town)", "abc", true);
        add("ap-east-1", "Asia Pacific (Hong Kong)", "abc", true);
        add("ap-east-2", "Asia Pacific (Taipei)", "abc", true);
        add("ap-south-1", "Asia Pacific (Mumbai)", "abc", false);
        add("ap-south-2", "Asia Pacific (Hyderabad)", "abc", true);
        add("ap-southeast-1", "Asia Pacific (Singapore)", "abc", false);
        add("ap-southeast-2", "Asia Pacific (Sydney)", "abc", false);
        add("ap-southeast-3", "Asia Pacific (Jakarta)", "abc", true);
        add("ap-southeast-4", "Asia Pacific (Melbourne)", "abc", true);
        add("ap-southeast-5", "Asia Pacific (Malaysia)", "abc", true);
        add("ap-southeast-7", "Asia Pacific (Thailand)", "abc", true);
        add("ap-northeast-1", "Asia Pacific (Tokyo)", "acd", false);
        add("ap-northeast-2", "Asia Pacific (Seoul)", "abcd", false);
        add("ap-northeast-3", "Asia Pacific (Osaka)", "abc", false);
        add("ca-central-1", "Canada (Central)", "abd", false);
        add("ca-west-1", "Canada West (Calgary)", "abc", true);
        add("eu-central-1", "Europe (Frankfurt)", "abc", false);
        add("eu-central-2", "Europe (Zurich)", "abc", true);
        add("eu-west-1", "Europe (Ireland)", "abc", false);
        add("eu-west-2", "Europe (London)", "abc", false);
        add("eu-west-3", "Europe (Paris)", "abc", false);
        add("eu-south-1", "Europe (Milan)", "abc", true);
        add("eu-south-2", "Europe (Spain)", "abc", true);
        add("eu-north-1", "Europe (Stockholm)", "abc", false);
        add("il-central-1", "Israel (Tel Aviv)", "abc", true);
        add("me-south-1", "Middle East (Bahrain)", "abc", true);
        add("me-central-1", "Middle East (UAE)", "abc", true);
        add("mx-central-1", "Mexico (Central)", "abc", true);
        add("sa-east-1", "South America (Sao Paulo)", "abc", false);
    }

    private Regions() {
    }

    private static void add(String name, String location, String letters, boolean optIn) {
        ALL.put(name, new Region(name, location, letters.chars().mapToObj(c -> (char) c).toList(), optIn));
    }

    public static List<Region> all() {
        return List.copyOf(ALL.values());
    }

    public static Optional<Region> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    public static boolean exists(String name) {
        return ALL.containsKey(name);
    }
}
