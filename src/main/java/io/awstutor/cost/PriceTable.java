package io.awstutor.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The bundled, dated price table (us-east-1 on-demand): what the guard quotes. It names its
 * source and date, since prices change and a learner should know how old the figure is.
 */
public final class PriceTable {
    private static final String RESOURCE = "/io/awstutor/cost/prices-us-east-1.json";
    private static volatile PriceTable bundled;

    private final JsonNode root;

    private PriceTable(JsonNode root) {
        this.root = root;
    }

    public static PriceTable bundled() {
        PriceTable table = bundled;
        if (table == null) {
            try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the price table " + RESOURCE + " is missing from the build");
                }
                table = new PriceTable(new ObjectMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("the price table could not be read", e);
            }
            bundled = table;
        }
        return table;
    }

    public String source() { return root.path("source").asText(); }
    public String region() { return root.path("region").asText(); }
    public String date() { return root.path("date").asText(); }
    public double hoursPerMonth() { return root.path("hoursPerMonth").asDouble(730); }
    public String freeTierNote() { return root.path("freeTierNote").asText(); }

    /** "us-east-1 on-demand prices of 2025-11-01" — the caveat every estimate carries. */
    public String provenance() {
        return region() + " on-demand prices of " + date();
    }

    public OptionalDouble ec2Hourly(String instanceType) {
        return price(root.path("ec2Instances"), instanceType);
    }

    public OptionalDouble rdsHourly(String instanceClass) {
        return price(root.path("rdsInstances"), instanceClass);
    }

    public boolean ec2FreeTierType(String instanceType) {
        return contains(root.path("ec2FreeTier").path("types"), instanceType);
    }

    public boolean rdsFreeTierClass(String instanceClass) {
        return contains(root.path("rdsFreeTier").path("classes"), instanceClass);
    }

    public String ec2FreeTier() { return root.path("ec2FreeTier").path("note").asText(); }
    public String rdsFreeTier() { return root.path("rdsFreeTier").path("note").asText(); }
    public int rdsFreeTierStorageGb() { return root.path("rdsFreeTier").path("storageGb").asInt(20); }
    public String rdsNote() { return root.path("rdsNote").asText(); }
    public double rdsStorageGbMonth() { return root.path("rdsStorageGbMonth").asDouble(); }
    public double auroraServerlessAcuHour() { return root.path("auroraServerlessAcuHour").asDouble(); }
    public double natGatewayHour() { return root.path("natGatewayHour").asDouble(); }
    public String natGatewayNote() { return root.path("natGatewayNote").asText(); }
    public double publicIpv4Hour() { return root.path("publicIpv4Hour").asDouble(); }
    public String publicIpv4Note() { return root.path("publicIpv4Note").asText(); }
    public double cloudFrontPerGb() { return root.path("cloudFront").path("perGbOut").asDouble(); }
    public String cloudFrontNote() { return root.path("cloudFront").path("note").asText(); }
    public double s3GbMonth() { return root.path("s3").path("standardGbMonth").asDouble(); }
    public double s3FreeTierGb() { return root.path("s3").path("freeTierGb").asDouble(5); }
    public String s3Note() { return root.path("s3").path("note").asText(); }
    public double sesPerThousand() { return root.path("ses").path("perThousandMessages").asDouble(); }
    public int sesFreeMessages() { return root.path("ses").path("freeMessagesPerMonth").asInt(3000); }
    public String sesNote() { return root.path("ses").path("note").asText(); }

    public List<String> ec2Types() { return names(root.path("ec2Instances")); }
    public List<String> rdsClasses() { return names(root.path("rdsInstances")); }

    private static OptionalDouble price(JsonNode table, String key) {
        if (key == null) {
            return OptionalDouble.empty();
        }
        JsonNode value = table.get(key);
        return value == null || !value.isNumber() ? OptionalDouble.empty() : OptionalDouble.of(value.asDouble());
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> names(JsonNode table) {
        List<String> names = new ArrayList<>();
        table.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
