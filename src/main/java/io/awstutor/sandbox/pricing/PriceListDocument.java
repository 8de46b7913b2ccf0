package io.awstutor.sandbox.pricing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awstutor.sandbox.protocol.JsonCodec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * One product as the Price List API writes it (format {@code aws_v1}): a JSON document,
 * sent as a string inside GetProducts' {@code PriceList}, with {@code product},
 * {@code serviceCode}, {@code terms.OnDemand} and, for EC2 instances, {@code terms.Reserved},
 * keyed by AWS's offer term codes ({@code SKU.JRTCKXETXF}) and rate codes.
 */
final class PriceListDocument {
    static final String ON_DEMAND = "JRTCKXETXF";
    static final String HOURLY_RATE = "6YS6EN2CT7";
    static final String UPFRONT_RATE = "2TG2D8R56U";
    /** AWS's offer term codes of standard reserved terms. */
    private static final Map<String, String> RESERVED_CODES = Map.of(
            "1yr/No Upfront", "4NA7Y494T4", "1yr/Partial Upfront", "HU7G6KETJZ", "1yr/All Upfront", "6QCMYABX3D",
            "3yr/No Upfront", "BPH4J8HBKS", "3yr/Partial Upfront", "38NPMPTW36", "3yr/All Upfront", "NQ3QZPMQV9");
    /** Rate codes of the further usage tiers, after the first (which is {@link #HOURLY_RATE}). */
    private static final String[] TIER_RATES = {"PGHJ3S3EYE", "D42MF2PVJS", "PXJDJ3YRG3", "4KDRQ3HBWT"};

    private PriceListDocument() {
    }

    static String write(PriceListProduct p, PriceSnapshot snapshot) {
        ObjectNode doc = JsonCodec.object();
        ObjectNode product = doc.putObject("product");
        product.put("productFamily", p.productFamily());
        ObjectNode attributes = product.putObject("attributes");
        p.attributes().forEach(attributes::put);
        product.put("sku", p.sku());
        doc.put("serviceCode", p.serviceCode());
        ObjectNode terms = doc.putObject("terms");
        String effective = snapshot.date().substring(0, 8) + "01T00:00:00Z";
        ObjectNode onDemand = terms.putObject("OnDemand").putObject(p.sku() + "." + ON_DEMAND);
        ObjectNode dimensions = onDemand.putObject("priceDimensions");
        int i = 0;
        for (PriceListProduct.Tier tier : p.onDemand().tiers()) {
            String rate = p.sku() + "." + ON_DEMAND + "." + (i == 0 ? HOURLY_RATE : TIER_RATES[(i - 1) % TIER_RATES.length]);
            String description = p.onDemand().tiers().size() == 1 || i == 0 ? p.onDemand().description()
                    : "$" + PriceSnapshot.plain(tier.usd()) + " per " + p.onDemand().unit() + " beyond "
                    + PriceSnapshot.plain(tier.begin()) + " " + p.onDemand().unit();
            dimension(dimensions, rate, p.onDemand().unit(), description, tier.begin(),
                    tier.end().map(PriceSnapshot::plain).orElse("Inf"), tier.usd());
            i++;
        }
        term(onDemand, p.sku(), effective, ON_DEMAND).putObject("termAttributes");
        if (!p.reserved().isEmpty()) {
            ObjectNode reserved = terms.putObject("Reserved");
            for (PriceListProduct.Reserved r : p.reserved()) {
                String code = RESERVED_CODES.get(r.leaseContractLength() + "/" + r.purchaseOption());
                ObjectNode term = reserved.putObject(p.sku() + "." + code);
                ObjectNode dims = term.putObject("priceDimensions");
                String applied = "Linux/UNIX (Amazon VPC), " + p.attribute("instanceType") + " reserved instance applied";
                dimension(dims, p.sku() + "." + code + "." + HOURLY_RATE, "Hrs", applied, 0, "Inf", r.hourlyUsd());
                if (r.upfrontUsd() > 0) {
                    dimension(dims, p.sku() + "." + code + "." + UPFRONT_RATE, "Quantity", "Upfront Fee", -1, null, r.upfrontUsd());
                }
                ObjectNode attrs = term(term, p.sku(), effective, code).putObject("termAttributes");
                attrs.put("LeaseContractLength", r.leaseContractLength());
                attrs.put("OfferingClass", "standard");
                attrs.put("PurchaseOption", r.purchaseOption());
            }
        }
        doc.put("version", snapshot.services().get(p.serviceCode()).version());
        doc.put("publicationDate", snapshot.publicationDate());
        return JsonCodec.write(doc);
    }

    private static ObjectNode term(ObjectNode term, String sku, String effective, String code) {
        term.put("sku", sku);
        term.put("effectiveDate", effective);
        term.put("offerTermCode", code);
        return term;
    }

    /** {@code begin} below 0 and {@code end} null leave the range out, as AWS does for an upfront fee. */
    private static void dimension(ObjectNode dims, String rateCode, String unit, String description, double begin,
                                  String end, double usd) {
        ObjectNode d = dims.putObject(rateCode);
        d.put("unit", unit);
        if (end != null) {
            d.put("endRange", end);
        }
        d.put("description", description);
        ArrayNode appliesTo = d.putArray("appliesTo");
        assert appliesTo.isEmpty();
        d.put("rateCode", rateCode);
        if (begin >= 0) {
            d.put("beginRange", PriceSnapshot.plain(begin));
        }
        d.putObject("pricePerUnit").put("USD", BigDecimal.valueOf(usd).setScale(10, RoundingMode.HALF_UP).toPlainString());
    }
}
