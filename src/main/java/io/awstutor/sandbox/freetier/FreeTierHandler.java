package io.awstutor.sandbox.freetier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.JsonCodec;
import io.awstutor.sandbox.protocol.JsonInput;
import io.awstutor.sandbox.protocol.JsonServiceHandler;
import io.awstutor.sandbox.protocol.OffsetPages;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** AWS Free Tier (AWSFreeTierService, JSON 1.0): GetFreeTierUsage over the sandbox's own usage. */
public final class FreeTierHandler extends JsonServiceHandler {

    private final FreeTierBackend backend;

    public FreeTierHandler(FreeTierBackend backend) {
        super("freetier", "AWSFreeTierService", "1.0", "message", "ValidationException");
        this.backend = backend;
        register("GetFreeTierUsage", this::getFreeTierUsage);
    }

    private JsonNode getFreeTierUsage(JsonInput in, ServiceCall call) {
        call.authorize("freetier:GetFreeTierUsage", "*", "AccessDeniedException");
        Predicate<FreeTierBackend.Usage> filter = in.has("filter") ? expression(in.member("filter")) : u -> true;
        List<FreeTierBackend.Usage> usage = backend.usage(call.accountId()).stream().filter(filter).toList();
        var page = OffsetPages.page(usage, in.string("nextToken"), in.integer("maxResults").orElse(1000),
                "GetFreeTierUsage" + in.node(), "ValidationException");
        ObjectNode out = JsonCodec.object();
        ArrayNode list = out.putArray("freeTierUsages");
        for (FreeTierBackend.Usage u : page.items()) {
            list.addObject().put("service", u.service()).put("operation", u.allowance().operation())
                    .put("usageType", u.allowance().usageType()).put("region", "global")
                    .put("actualUsageAmount", u.actual()).put("forecastedUsageAmount", u.forecasted())
                    .put("limit", u.allowance().limit()).put("unit", u.allowance().unit())
                    .put("description", u.allowance().description()).put("freeTierType", u.allowance().type());
        }
        page.nextToken().ifPresent(t -> out.put("nextToken", t));
        return out;
    }

    private static Predicate<FreeTierBackend.Usage> expression(JsonInput e) {
        if (e.has("And")) {
            return e.list("And").stream().map(FreeTierHandler::expression).reduce(u -> true, Predicate::and);
        }
        if (e.has("Or")) {
            return e.list("Or").stream().map(FreeTierHandler::expression).reduce(u -> false, Predicate::or);
        }
        if (e.has("Not")) {
            return expression(e.member("Not")).negate();
        }
        JsonInput d = e.member("Dimensions");
        String key = d.requiredString("Key");
        List<String> values = d.strings("Values");
        List<String> options = d.strings("MatchOptions");
        return u -> {
            String actual = switch (key) {
                case "SERVICE" -> u.service();
                case "OPERATION" -> u.allowance().operation();
                case "USAGE_TYPE" -> u.allowance().usageType();
                case "REGION" -> "global";
                case "FREE_TIER_TYPE" -> u.allowance().type();
                case "DESCRIPTION" -> u.allowance().description();
                case "USAGE_PERCENTAGE" -> String.valueOf(u.percentage());
                default -> throw d.invalid("Unknown dimension " + key);
            };
            for (String option : options.isEmpty() ? List.of("EQUALS") : options) {
                for (String v : values) {
                    boolean hit = switch (option) {
                        case "STARTS_WITH" -> actual.startsWith(v);
                        case "ENDS_WITH" -> actual.endsWith(v);
                        case "CONTAINS" -> actual.toLowerCase(Locale.ROOT).contains(v.toLowerCase(Locale.ROOT));
                        case "GREATER_THAN_OR_EQUAL" -> key.equals("USAGE_PERCENTAGE") && u.percentage() >= Double.parseDouble(v);
                        default -> actual.equals(v);
                    };
                    if (hit) {
                        return true;
                    }
                }
            }
            return false;
        };
    }
}
