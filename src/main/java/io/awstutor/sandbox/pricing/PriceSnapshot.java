package io.awstutor.sandbox.pricing;

import io.awstutor.json.JsonMappers;
import com.fasterxml.jackson.databind.JsonNode;
import io.awstutor.sandbox.pricing.PriceListProduct.OnDemand;
import io.awstutor.sandbox.pricing.PriceListProduct.Reserved;
import io.awstutor.sandbox.pricing.PriceListProduct.Tier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The one bundled, dated snapshot of AWS's public prices (us-east-1, USD) for what the
 * lessons use. Everything that names a price reads it from here: the sandbox's Price List
 * API, its Cost Explorer and Budgets (usage times these prices), and the tutor's cost
 * guard and {@code /cost} (through {@code cost/PriceTable}, a view of this). The resource
 * file is compact (defaults per family, RDS instances per engine); this class expands it
 * into the products the Price List API lists.
 */
public final class PriceSnapshot {
    private static final String RESOURCE = "price-snapshot-us-east-1.json";
    /** The one instance per class loader: the file is read once and never changes. */
    /** Parsed on first use, not when the sandbox starts: its Jackson tree is a visible part of a start. */
    private static final class Bundled {
        static final PriceSnapshot SNAPSHOT = load();
    }

    private final String date;
    private final String publicationDate;
    private final String region;
    private final String location;
    private final double hoursPerMonth;
    private final String freeTierNote;
    private final String source;
    private final Map<String, String> notes;
    private final Map<String, ServiceInfo> services;
    private final List<PriceListProduct> products;
    private final List<FreeTierAllowance> freeTier;

    /** A service of the snapshot: its names in the Price List and in Cost Explorer, and its offer's version. */
    public record ServiceInfo(String serviceCode, String serviceName, String costExplorerName, String version) {
    }

    private PriceSnapshot(JsonNode root) {
        this.date = root.path("date").asText();
        this.publicationDate = root.path("publicationDate").asText();
        this.region = root.path("region").asText();
        this.location = root.path("location").asText();
        this.hoursPerMonth = root.path("hoursPerMonth").asDouble(730);
        this.freeTierNote = root.path("freeTierNote").asText();
        this.source = root.path("source").asText();
        Map<String, String> noteMap = new LinkedHashMap<>();
        root.path("notes").fields().forEachRemaining(e -> noteMap.put(e.getKey(), e.getValue().asText()));
        this.notes = Collections.unmodifiableMap(noteMap);
        Map<String, ServiceInfo> serviceMap = new LinkedHashMap<>();
        List<PriceListProduct> all = new ArrayList<>();
        root.path("services").fields().forEachRemaining(entry -> {
            String code = entry.getKey();
            JsonNode service = entry.getValue();
            serviceMap.put(code, new ServiceInfo(code, service.path("serviceName").asText(),
                    service.path("costExplorerName").asText(), service.path("version").asText()));
            all.addAll(products(code, service));
        });
        this.services = Collections.unmodifiableMap(serviceMap);
        this.products = List.copyOf(all);
        List<FreeTierAllowance> allowances = new ArrayList<>();
        for (JsonNode a : root.path("freeTier")) {
            List<String> covers = new ArrayList<>();
            a.path("covers").forEach(c -> covers.add(c.asText()));
            allowances.add(new FreeTierAllowance(a.path("serviceCode").asText(), a.path("operation").asText(),
                    a.path("usageType").asText(), List.copyOf(covers), a.path("limit").asDouble(), a.path("unit").asText(),
                    a.path("type").asText(), a.path("note").asText()));
        }
        this.freeTier = List.copyOf(allowances);
    }

    public static PriceSnapshot bundled() {
        return Bundled.SNAPSHOT;
    }

    private static PriceSnapshot load() {
        try (InputStream in = PriceSnapshot.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the price snapshot " + RESOURCE + " is missing from the build");
            }
            return new PriceSnapshot(JsonMappers.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("the price snapshot could not be read", e);
        }
    }

    /** The day the prices were taken ("2026-03-20"). */
    public String date() { return date; }
    public String publicationDate() { return publicationDate; }
    public String region() { return region; }
    public String location() { return location; }
    public double hoursPerMonth() { return hoursPerMonth; }
    public String freeTierNote() { return freeTierNote; }
    public String source() { return source; }
    public String note(String key) { return notes.getOrDefault(key, ""); }
    public Map<String, ServiceInfo> services() { return services; }
    public List<PriceListProduct> products() { return products; }
    public List<FreeTierAllowance> freeTier() { return freeTier; }

    public List<PriceListProduct> products(String serviceCode) {
        return products.stream().filter(p -> p.serviceCode().equals(serviceCode)).toList();
    }

    /** The product billed under this usage type (with these attributes, where several share it). */
    public Optional<PriceListProduct> product(String serviceCode, String usageType, Map<String, String> attributes) {
        return products.stream().filter(p -> p.serviceCode().equals(serviceCode) && p.usageType().equals(usageType))
                .filter(p -> attributes.entrySet().stream().allMatch(a -> a.getValue().equals(p.attribute(a.getKey()))))
                .findFirst();
    }

    /** The first-tier on-demand price of a usage type, per its unit. */
    public OptionalDouble unitPrice(String serviceCode, String usageType, Map<String, String> attributes) {
        return product(serviceCode, usageType, attributes).map(p -> OptionalDouble.of(p.onDemand().firstTierUsd()))
                .orElse(OptionalDouble.empty());
    }

    /** An EC2 instance type's Linux on-demand price per hour. */
    public OptionalDouble ec2Hourly(String instanceType) {
        return unitPrice("AmazonEC2", "BoxUsage:" + instanceType, Map.of());
    }

    /** A DB instance class's price per hour for an engine ("MySQL", "PostgreSQL", "Aurora MySQL" …), Single- or Multi-AZ. */
    public OptionalDouble rdsHourly(String instanceClass, String engine, boolean multiAz) {
        return unitPrice("AmazonRDS", (multiAz ? "Multi-AZUsage:" : "InstanceUsage:") + instanceClass,
                Map.of("databaseEngine", engine));
    }

    /** The Price List's engine name ("PostgreSQL", "Aurora MySQL") for an RDS API engine name ("postgres", "aurora-mysql"). */
    public static String databaseEngine(String apiEngine) {
        String e = apiEngine == null ? "" : apiEngine.toLowerCase(java.util.Locale.ROOT);
        if (e.startsWith("aurora-postgresql")) {
            return "Aurora PostgreSQL";
        }
        if (e.startsWith("aurora")) {
            return "Aurora MySQL";
        }
        if (e.startsWith("postgres")) {
            return "PostgreSQL";
        }
        return e.startsWith("mariadb") ? "MariaDB" : "MySQL";
    }

    /** General Purpose database storage per GB-month, Single- or Multi-AZ. */
    public double rdsStorageGbMonth(boolean multiAz) {
        return unitPrice("AmazonRDS", multiAz ? "RDS:Multi-AZ-GP2-Storage" : "RDS:GP2-Storage", Map.of()).orElse(0);
    }

    public Optional<FreeTierAllowance> freeTierFor(String serviceCode, String usageType) {
        return freeTier.stream().filter(a -> a.serviceCode().equals(serviceCode) && a.covers(usageType)).findFirst();
    }

    // ---- expanding the compact file into products

    private List<PriceListProduct> products(String code, JsonNode service) {
        ServiceInfo info = new ServiceInfo(code, service.path("serviceName").asText(), "", "");
        JsonNode where = service.path("locationOverride");
        String loc = where.path("location").asText(location);
        String locType = where.path("locationType").asText("AWS Region");
        List<PriceListProduct> out = new ArrayList<>();
        for (JsonNode p : service.path("products")) {
            String family = p.path("family").asText();
            Map<String, String> attributes = new TreeMap<>();
            service.path("defaults").path(family).fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
            p.path("attributes").fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
            String usageType = p.path("usagetype").asText();
            if (p.has("operation")) {
                attributes.put("operation", p.path("operation").asText());
            }
            common(attributes, info, usageType, loc, locType, where.isMissingNode());
            JsonNode price = p.path("price");
            String description = price.path("description").asText(defaultDescription(attributes, price));
            out.add(new PriceListProduct(code, p.has("sku") ? p.path("sku").asText() : derivedSku(code, attributes), family,
                    Collections.unmodifiableMap(attributes), new OnDemand(price.path("unit").asText(), tiers(price), description),
                    reserved(p.path("reserved"))));
        }
        for (JsonNode instance : service.path("instances")) {
            out.addAll(databaseInstances(info, service.path("engines"), service.path("defaults").path("Database Instance"), instance));
        }
        return out;
    }

    private List<PriceListProduct> databaseInstances(ServiceInfo info, JsonNode engineCodes, JsonNode defaults, JsonNode instance) {
        List<PriceListProduct> out = new ArrayList<>();
        String cls = instance.path("instanceType").asText();
        instance.path("usd").fields().forEachRemaining(e -> {
            String engine = e.getKey();
            double single = e.getValue().asDouble();
            boolean aurora = engine.startsWith("Aurora");
            for (boolean multiAz : aurora ? new boolean[]{false} : new boolean[]{false, true}) {
                Map<String, String> attributes = new TreeMap<>();
                defaults.fields().forEachRemaining(d -> attributes.put(d.getKey(), d.getValue().asText()));
                for (String name : List.of("instanceType", "vcpu", "memory", "instanceFamily", "currentGeneration")) {
                    if (instance.has(name)) {
                        attributes.put(name, instance.path(name).asText());
                    }
                }
                String deployment = multiAz ? "Multi-AZ" : "Single-AZ";
                attributes.put("databaseEngine", engine);
                attributes.put("deploymentOption", deployment);
                attributes.put("operation", "CreateDBInstance:" + engineCodes.path(engine).asText("0002"));
                String usageType = (multiAz ? "Multi-AZUsage:" : "InstanceUsage:") + cls;
                common(attributes, info, usageType, location, "AWS Region", true);
                double usd = multiAz ? single * 2 : single;
                String known = multiAz ? null : instance.path("skus").path(engine).asText(null);
                String description = String.format(java.util.Locale.ROOT, "USD %s per %s %s instance hour (or partial hour) running %s",
                        plain(usd), cls, deployment, engine);
                out.add(new PriceListProduct(info.serviceCode(), known != null ? known : derivedSku(info.serviceCode(), attributes),
                        "Database Instance", Collections.unmodifiableMap(attributes),
                        new OnDemand("Hrs", List.of(new Tier(0, Optional.empty(), usd)), description), List.of()));
            }
        });
        return out;
    }

    private void common(Map<String, String> attributes, ServiceInfo info, String usageType, String loc, String locType,
                        boolean regional) {
        attributes.put("servicecode", info.serviceCode());
        attributes.put("servicename", info.serviceName());
        attributes.put("usagetype", usageType);
        attributes.putIfAbsent("operation", "");
        attributes.put("location", loc);
        attributes.put("locationType", locType);
        if (regional) {
            attributes.put("regionCode", region);
        }
    }

    private static List<Tier> tiers(JsonNode price) {
        if (!price.has("tiers")) {
            return List.of(new Tier(0, Optional.empty(), price.path("usd").asDouble()));
        }
        List<Tier> tiers = new ArrayList<>();
        double begin = 0;
        for (JsonNode t : price.path("tiers")) {
            Optional<Double> end = t.has("end") ? Optional.of(t.path("end").asDouble()) : Optional.empty();
            tiers.add(new Tier(begin, end, t.path("usd").asDouble()));
            begin = end.orElse(begin);
        }
        return List.copyOf(tiers);
    }

    private static List<Reserved> reserved(JsonNode terms) {
        List<Reserved> out = new ArrayList<>();
        for (JsonNode t : terms) {
            out.add(new Reserved(t.path("term").asText(), t.path("option").asText(), t.path("upfront").asDouble(0),
                    t.path("hourly").asDouble(0)));
        }
        return List.copyOf(out);
    }

    private static String defaultDescription(Map<String, String> attributes, JsonNode price) {
        String type = attributes.get("instanceType");
        if (type != null) {
            return "$" + plain(price.path("usd").asDouble()) + " per On Demand Linux " + type + " Instance Hour";
        }
        return "$" + plain(price.path("usd").asDouble()) + " per " + price.path("unit").asText() + " of " + attributes.get("usagetype");
    }

    static String plain(double usd) {
        return java.math.BigDecimal.valueOf(usd).stripTrailingZeros().toPlainString();
    }

    /**
     * A stable 16-character SKU in AWS's alphabet for products whose real SKU the snapshot
     * does not carry: the same product gets the same SKU in every run.
     */
    static String derivedSku(String serviceCode, Map<String, String> attributes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((serviceCode + attributes).getBytes(StandardCharsets.UTF_8));
            String alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
            StringBuilder sku = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                sku.append(alphabet.charAt((digest[i] & 0xff) % alphabet.length()));
            }
            return sku.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
