package io.awstutor.sandbox.pricing;

import io.awstutor.sandbox.protocol.AwsException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Price List API's rules over the bundled snapshot: which services it knows, the
 * values an attribute takes, and the products that match a set of filters. Read-only and
 * the same for every account, so it needs no lock.
 */
public final class PricingBackend {
    public static final String FORMAT_VERSION = "aws_v1";

    private final java.util.function.Supplier<PriceSnapshot> snapshot;

    /** @param snapshot asked on the first call (the snapshot is parsed lazily) */
    public PricingBackend(java.util.function.Supplier<PriceSnapshot> snapshot) {
        this.snapshot = snapshot;
    }

    public PriceSnapshot snapshot() {
        return snapshot.get();
    }

    /** One GetProducts filter: TERM_MATCH, EQUALS, CONTAINS, ANY_OF or NONE_OF on an attribute. */
    public record Filter(String type, String field, String value) {
        boolean matches(PriceListProduct product) {
            String actual = switch (field) {
                case "productFamily" -> product.productFamily();
                case "sku" -> product.sku();
                default -> product.attribute(field);
            };
            return switch (type) {
                case "TERM_MATCH", "EQUALS" -> value.equalsIgnoreCase(actual == null ? "" : actual);
                case "CONTAINS" -> actual != null && actual.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT));
                case "ANY_OF" -> actual != null && values().stream().anyMatch(actual::equalsIgnoreCase);
                case "NONE_OF" -> actual == null || values().stream().noneMatch(actual::equalsIgnoreCase);
                default -> throw AwsException.badRequest("InvalidParameterException", "Invalid filter type " + type
                        + ": expected one of TERM_MATCH, EQUALS, CONTAINS, ANY_OF, NONE_OF.");
            };
        }

        private List<String> values() {
            return Arrays.stream(value.split(",")).map(String::strip).toList();
        }
    }

    /** Each service code with the attribute names its products carry. */
    public Map<String, Set<String>> describeServices(String serviceCode) {
        Map<String, Set<String>> out = new java.util.LinkedHashMap<>();
        for (String code : snapshot().services().keySet()) {
            if (serviceCode != null && !serviceCode.equals(code)) {
                continue;
            }
            Set<String> names = new TreeSet<>();
            snapshot().products(code).forEach(p -> names.addAll(p.attributes().keySet()));
            names.add("productFamily");
            out.put(code, names);
        }
        return out;
    }

    public List<String> attributeValues(String serviceCode, String attributeName) {
        Set<String> values = new TreeSet<>();
        for (PriceListProduct p : products(serviceCode)) {
            String value = attributeName.equals("productFamily") ? p.productFamily() : p.attribute(attributeName);
            if (value != null && !value.isEmpty()) {
                values.add(value);
            }
        }
        return List.copyOf(values);
    }

    /** The matching products as the Price List's JSON documents, in the snapshot's order. */
    public List<String> products(String serviceCode, List<Filter> filters) {
        List<String> out = new ArrayList<>();
        for (PriceListProduct p : products(serviceCode)) {
            if (filters.stream().allMatch(f -> f.matches(p))) {
                out.add(PriceListDocument.write(p, snapshot()));
            }
        }
        return out;
    }

    private List<PriceListProduct> products(String serviceCode) {
        if (!snapshot().services().containsKey(serviceCode)) {
            throw AwsException.badRequest("NotFoundException", "Could not find the service code " + serviceCode
                    + ". The awstutor sandbox's price snapshot of " + snapshot().date() + " covers "
                    + String.join(", ", snapshot().services().keySet()) + ".");
        }
        return snapshot().products(serviceCode);
    }
}
