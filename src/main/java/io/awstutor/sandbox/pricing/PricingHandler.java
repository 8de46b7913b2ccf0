package io.awstutor.sandbox.pricing;

import io.awstutor.sandbox.protocol.ValidationErrors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.AwsOperations;
import io.awstutor.sandbox.protocol.JsonCodec;
import io.awstutor.sandbox.protocol.JsonInput;
import io.awstutor.sandbox.protocol.JsonServiceHandler;
import io.awstutor.sandbox.protocol.OffsetPages;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Price List API (AWSPriceListService, JSON 1.1) over the price snapshot:
 * DescribeServices, GetAttributeValues and GetProducts. Each answer says, as AWS's does,
 * which offer it comes from: every PriceList document carries the snapshot's
 * {@code publicationDate}.
 */
public final class PricingHandler extends JsonServiceHandler {
    private static final AwsOperations AWS_OPERATIONS = AwsOperations.load(PricingHandler.class, "aws-operations.txt");
    private static final String INVALID_TOKEN = "InvalidNextTokenException";

    private final PricingBackend backend;
    private final Map<String, JsonAction> actions;

    public PricingHandler(PricingBackend backend) {
        super("pricing", "AWSPriceListService", "1.1", "Message", "InvalidParameterException");
        this.backend = backend;
        this.actions = Map.of(
                "DescribeServices", this::describeServices,
                "GetAttributeValues", this::getAttributeValues,
                "GetProducts", this::getProducts);
    }

    @Override
    protected Map<String, JsonAction> actions() {
        return actions;
    }

    @Override
    protected AwsOperations awsOperations() {
        return AWS_OPERATIONS;
    }

    private JsonNode describeServices(JsonInput in, ServiceCall call) {
        call.authorize("pricing:DescribeServices", "*", "AccessDeniedException");
        formatVersion(in);
        Optional<String> code = in.string("ServiceCode");
        Map<String, Set<String>> services = backend.describeServices(code.orElse(null));
        var page = OffsetPages.page(List.copyOf(services.entrySet()), in.string("NextToken"),
                in.integer("MaxResults").orElse(100), "DescribeServices" + code, INVALID_TOKEN);
        ObjectNode out = JsonCodec.object();
        ArrayNode list = out.putArray("Services");
        for (var entry : page.items()) {
            ObjectNode service = list.addObject().put("ServiceCode", entry.getKey());
            entry.getValue().forEach(service.putArray("AttributeNames")::add);
        }
        out.put("FormatVersion", PricingBackend.FORMAT_VERSION);
        page.nextToken().ifPresent(t -> out.put("NextToken", t));
        return out;
    }

    private JsonNode getAttributeValues(JsonInput in, ServiceCall call) {
        call.authorize("pricing:GetAttributeValues", "*", "AccessDeniedException");
        String code = in.requiredString("ServiceCode");
        String name = in.requiredString("AttributeName");
        var page = OffsetPages.page(backend.attributeValues(code, name), in.string("NextToken"),
                in.integer("MaxResults").orElse(100), "GetAttributeValues" + code + "/" + name, INVALID_TOKEN);
        ObjectNode out = JsonCodec.object();
        ArrayNode values = out.putArray("AttributeValues");
        page.items().forEach(v -> values.addObject().put("Value", v));
        page.nextToken().ifPresent(t -> out.put("NextToken", t));
        return out;
    }

    private JsonNode getProducts(JsonInput in, ServiceCall call) {
        call.authorize("pricing:GetProducts", "*", "AccessDeniedException");
        String code = in.requiredString("ServiceCode");
        formatVersion(in);
        List<JsonInput> filterInputs = in.list("Filters");
        if (filterInputs.size() > 50) {
            throw in.invalid(ValidationErrors.messageAt("filters", ValidationErrors.maxLength(50)));
        }
        List<PricingBackend.Filter> filters = filterInputs.stream().map(f -> new PricingBackend.Filter(
                f.string("Type").orElse("TERM_MATCH"), f.requiredString("Field"), f.requiredString("Value"))).toList();
        int max = in.integer("MaxResults").orElse(100);
        if (max < 1 || max > 100) {
            throw in.invalid(ValidationErrors.message(max, "maxResults", ValidationErrors.maxValue(100)));
        }
        var page = OffsetPages.page(backend.products(code, filters), in.string("NextToken"), max,
                "GetProducts" + code + filters, INVALID_TOKEN);
        ObjectNode out = JsonCodec.object();
        out.put("FormatVersion", PricingBackend.FORMAT_VERSION);
        ArrayNode list = out.putArray("PriceList");
        page.items().forEach(list::add);
        page.nextToken().ifPresent(t -> out.put("NextToken", t));
        return out;
    }

    private static void formatVersion(JsonInput in) {
        in.string("FormatVersion").filter(v -> !v.equals(PricingBackend.FORMAT_VERSION)).ifPresent(v -> {
            throw AwsException.badRequest("InvalidParameterException", "Input parameters are invalid. "
                    + "FormatVersion " + v + " is not supported; use " + PricingBackend.FORMAT_VERSION + ".");
        });
    }
}
