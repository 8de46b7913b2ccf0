package io.awstutor.sandbox.billing;

import com.fasterxml.jackson.databind.JsonNode;
import io.awstutor.sandbox.SignedHttp;
import io.awstutor.sandbox.TestSandbox;
import io.awstutor.target.AwsJsonClient;
import io.awstutor.target.JsonApi;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Calls for billing scenarios that move the sandbox's clock by hours: every request is
 * signed with the sandbox's own (moved) clock, which the SDK's clients cannot do.
 */
final class BillingCalls {
    private final TestSandbox box;

    BillingCalls(TestSandbox box) {
        this.box = box;
    }

    /** Moves the clock to 01:00 UTC on the first of next month, so that hours added stay in one month. */
    Instant startOfNextMonth() {
        Instant now = box.clock().instant();
        Instant target = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1)
                .atStartOfDay(ZoneOffset.UTC).plusHours(1).toInstant();
        box.clock().advance(Duration.between(now, target));
        return target;
    }

    String query(String service, String action, String version, Map<String, String> params) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", action);
        form.put("Version", version);
        form.putAll(params);
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        SignedHttp.Response response = SignedHttp.postForm(box.endpoint(), service, "us-east-1", TestSandbox.root(), box.clock(),
                body.toString());
        assertEquals(200, response.status(), response.body());
        return response.body();
    }

    String runInstance(String ami, String type) {
        String xml = query("ec2", "RunInstances", "2016-11-15",
                Map.of("ImageId", ami, "InstanceType", type, "MinCount", "1", "MaxCount", "1"));
        Matcher id = Pattern.compile("<instanceId>([^<]+)</instanceId>").matcher(xml);
        id.find();
        return id.group(1);
    }

    AwsJsonClient json(JsonApi api) {
        return new AwsJsonClient(api, box.endpoint(), "us-east-1", StaticCredentialsProvider.create(TestSandbox.root()), box.clock(),
                AwsJsonClient.CallReview.NONE);
    }

    /** What the sandbox's SES mailbox holds, as GET /_aws/ses answers. */
    JsonNode mailbox() {
        SignedHttp.Response response = SignedHttp.get(box.endpoint().resolve("/_aws/ses"), Map.of());
        return AwsJsonClient.parse(response.body()).path("messages");
    }
}
