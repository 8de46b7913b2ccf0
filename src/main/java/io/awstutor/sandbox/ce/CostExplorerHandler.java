package io.awstutor.sandbox.ce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awstutor.sandbox.billing.CostExpression;
import io.awstutor.sandbox.billing.CostLine;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.JsonCodec;
import io.awstutor.sandbox.protocol.JsonInput;
import io.awstutor.sandbox.protocol.JsonServiceHandler;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Cost Explorer (AWSInsightsIndexService, JSON 1.1): GetCostAndUsage and GetCostForecast,
 * answered from the sandbox's bill (its own resources' usage times the price snapshot).
 */
public final class CostExplorerHandler extends JsonServiceHandler {

    private final CostExplorerBackend backend;

    public CostExplorerHandler(CostExplorerBackend backend) {
        super("ce", "AWSInsightsIndexService", "1.1", "Message", "ValidationException");
        this.backend = backend;
        register("GetCostAndUsage", this::getCostAndUsage);
        register("GetCostForecast", this::getCostForecast);
    }

    private JsonNode getCostAndUsage(JsonInput in, ServiceCall call) {
        call.authorize("ce:GetCostAndUsage", "*", "AccessDeniedException");
        LocalDate start = date(in.member("TimePeriod"), "Start");
        LocalDate end = date(in.member("TimePeriod"), "End");
        String granularity = in.requiredString("Granularity");
        List<String> metrics = in.strings("Metrics");
        if (metrics.isEmpty()) {
            throw in.invalid("Metrics is required: name at least one of " + String.join(", ", new java.util.TreeSet<>(CostExplorerBackend.METRICS)));
        }
        for (String metric : metrics) {
            if (!CostExplorerBackend.METRICS.contains(metric)) {
                throw in.invalid("Metric " + metric + " is not supported: use one of "
                        + String.join(", ", new java.util.TreeSet<>(CostExplorerBackend.METRICS)));
            }
        }
        List<CostExplorerBackend.GroupBy> groupBy = in.list("GroupBy").stream().map(g -> new CostExplorerBackend.GroupBy(
                g.string("Type").orElse("DIMENSION"), g.requiredString("Key"))).toList();
        for (CostExplorerBackend.GroupBy g : groupBy) {
            if (!g.type().equals("DIMENSION") && !g.type().equals("TAG")) {
                throw in.invalid("Group type " + g.type() + " is not supported by the awstutor sandbox: use DIMENSION or TAG.");
            }
        }
        List<CostExplorerBackend.Result> results = backend.costAndUsage(call.accountId(), start, end, granularity, groupBy, filter(in));
        ObjectNode out = JsonCodec.object();
        if (!groupBy.isEmpty()) {
            ArrayNode definitions = out.putArray("GroupDefinitions");
            groupBy.forEach(g -> definitions.addObject().put("Type", g.type()).put("Key", g.key()));
        }
        ArrayNode byTime = out.putArray("ResultsByTime");
        for (CostExplorerBackend.Result r : results) {
            ObjectNode item = byTime.addObject();
            item.putObject("TimePeriod").put("Start", r.period().start().toString()).put("End", r.period().end().toString());
            ObjectNode total = item.putObject("Total");
            ArrayNode groups = item.putArray("Groups");
            if (groupBy.isEmpty()) {
                metrics(total, metrics, r.total());
            } else {
                r.groups().forEach((keys, sums) -> {
                    ObjectNode group = groups.addObject();
                    keys.forEach(group.putArray("Keys")::add);
                    metrics(group.putObject("Metrics"), metrics, sums);
                });
            }
            item.put("Estimated", r.period().estimated());
        }
        out.putArray("DimensionValueAttributes");
        return out;
    }

    private JsonNode getCostForecast(JsonInput in, ServiceCall call) {
        call.authorize("ce:GetCostForecast", "*", "AccessDeniedException");
        LocalDate start = date(in.member("TimePeriod"), "Start");
        LocalDate end = date(in.member("TimePeriod"), "End");
        String metric = in.requiredString("Metric");
        if (metric.equals("USAGE_QUANTITY") || metric.equals("NORMALIZED_USAGE_AMOUNT")) {
            throw in.invalid("The awstutor sandbox forecasts costs only; GetUsageForecast is not implemented.");
        }
        String granularity = in.requiredString("Granularity");
        int level = in.integer("PredictionIntervalLevel").orElse(80);
        var forecast = backend.forecast(call.accountId(), start, end, granularity, filter(in));
        // a steady run rate is certain; the interval only widens with the level asked for
        double spread = (level - 50) / 500.0;
        ObjectNode out = JsonCodec.object();
        double total = forecast.stream().mapToDouble(Map.Entry::getValue).sum();
        out.putObject("Total").put("Amount", amount(total)).put("Unit", "USD");
        ArrayNode byTime = out.putArray("ForecastResultsByTime");
        for (var entry : forecast) {
            ObjectNode item = byTime.addObject();
            item.putObject("TimePeriod").put("Start", entry.getKey().start().toString()).put("End", entry.getKey().end().toString());
            item.put("MeanValue", amount(entry.getValue()));
            item.put("PredictionIntervalLowerBound", amount(entry.getValue() * (1 - spread)));
            item.put("PredictionIntervalUpperBound", amount(entry.getValue() * (1 + spread)));
        }
        return out;
    }

    private static Predicate<CostLine> filter(JsonInput in) {
        return in.has("Filter") ? CostExpression.parse(in.member("Filter")) : CostExpression.all();
    }

    private static void metrics(ObjectNode into, List<String> metrics, CostExplorerBackend.Sums sums) {
        for (String metric : metrics) {
            boolean usage = metric.equals("UsageQuantity") || metric.equals("NormalizedUsageAmount");
            into.putObject(metric).put("Amount", amount(usage ? sums.quantity() : sums.cost()))
                    .put("Unit", usage ? sums.unit() : "USD");
        }
    }

    /** Cost Explorer's amounts: decimal strings, up to ten places, no trailing zeros. */
    static String amount(double value) {
        BigDecimal d = BigDecimal.valueOf(value).setScale(10, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    private static LocalDate date(JsonInput period, String name) {
        String text = period.requiredString(name);
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw AwsException.badRequest("ValidationException", "Value '" + text + "' at 'timePeriod." + name.toLowerCase(java.util.Locale.ROOT)
                    + "' failed to satisfy constraint: Member must be a date as YYYY-MM-DD");
        }
    }
}
