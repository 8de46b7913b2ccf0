package io.awstutor.web.console;

import io.awstutor.web.Html;
import io.awstutor.web.Layout;
import io.awstutor.web.WebRequest;
import io.awstutor.web.WebResponse;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every console page shares: the top bar (services, region, who is signed in), the live
 * region that keeps a page's content current, AWS's errors as banners, and small formatting.
 */
final class ConsoleView {
    static final String PREFIX = "/_console";
    static final String EVENTS = PREFIX + "/events";
    static final List<String> REGIONS = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1",
            "eu-west-2", "eu-central-1", "eu-north-1", "ap-south-1", "ap-northeast-1", "ap-southeast-1", "ap-southeast-2",
            "ca-central-1", "sa-east-1");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+");

    private ConsoleView() {
    }

    /** A section's content, computed anew for each load and each live refresh. */
    @FunctionalInterface
    interface Content {
        Html render() throws Exception;
    }

    /**
     * The page: its content inside a live region that refreshes when one of {@code topics}
     * (services' names) changes; only the content when app.js asks for the fragment.
     */
    static WebResponse page(WebRequest request, Operator who, String section, String title, String topics, Content content)
            throws Exception {
        Html body = guarded(content);
        if (request.wantsFragment()) {
            return WebResponse.fragment(body);
        }
        String region = region(request);
        List<Layout.Link> links = List.of(
                new Layout.Link("IAM", PREFIX + "/iam"),
                new Layout.Link("S3", PREFIX + "/s3?region=" + region),
                new Layout.Link("EC2", PREFIX + "/ec2?region=" + region),
                new Layout.Link("RDS", PREFIX + "/rds?region=" + region),
                new Layout.Link("SES", PREFIX + "/ses?region=" + region),
                new Layout.Link("CloudFront", PREFIX + "/cloudfront"));
        String current = section.isEmpty() ? "" : links.stream().map(Layout.Link::href)
                .filter(h -> h.startsWith(PREFIX + "/" + section)).findFirst().orElse("");
        Html right = Html.of("{} {}", regionPicker(request, region), whoIs(who));
        Html top = Layout.topBar("awstutor sandbox console", PREFIX + "/?region=" + region, links, current, right);
        // a page answering a form's POST (an error shown with the form) refreshes as the section's own page
        String liveUrl = request.method().equals("GET") ? request.uri() : PREFIX + "/" + section + "?region=" + region;
        Html main = Html.of("<main id=\"main\"><h1>{}</h1>{}</main>", title,
                Layout.liveRegion("content", liveUrl, EVENTS, topics, body));
        return WebResponse.page(title + " · awstutor console", Html.join(top, main));
    }

    /** AWS's refusal (AccessDenied, NoSuchBucket, ...) as the page's content, as the AWS console shows it. */
    static Html guarded(Content content) {
        try {
            return content.render();
        } catch (AwsServiceException refused) {
            return error(refused);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Html error(AwsServiceException refused) {
        String code = refused.awsErrorDetails() == null ? "" : refused.awsErrorDetails().errorCode();
        String message = refused.awsErrorDetails() == null ? refused.getMessage() : refused.awsErrorDetails().errorMessage();
        return Html.of("<div class=\"banner error\" role=\"alert\"><strong>{}</strong> (HTTP {}) — {}</div>",
                code, refused.statusCode(), message);
    }

    static Html error(SdkException failed) {
        return failed instanceof AwsServiceException aws ? error(aws)
                : Html.of("<div class=\"banner error\" role=\"alert\">{}</div>", failed.getMessage());
    }

    static Html notice(String kind, String text) {
        return Html.of("<div class=\"banner {}\" role=\"status\">{}</div>", kind, text);
    }

    private static Html regionPicker(WebRequest request, String region) {
        Html options = Html.each(REGIONS, r -> r.equals(region)
                ? Html.of("<option selected>{}</option>", r) : Html.of("<option>{}</option>", r));
        return Html.of("<form class=\"inline\" method=\"get\" action=\"{}\"><label class=\"inline-label\">Region "
                + "<select name=\"region\">{}</select></label> <button class=\"secondary\" type=\"submit\">Go</button></form>",
                Html.href(PREFIX + request.path()), options);
    }

    private static Html whoIs(Operator who) {
        if (who.root()) {
            return Html.of("<span>root of {}</span> <a href=\"{}\">Sign in as an IAM user</a>", who.accountId(),
                    Html.href(PREFIX + "/signin"));
        }
        return Html.of("<span>{}</span> <form class=\"inline signout\" method=\"post\" action=\"{}\"><button class=\"secondary\" "
                + "type=\"submit\">Sign out</button></form>", who.label(), Html.href(PREFIX + "/signout"));
    }

    static String region(WebRequest request) {
        String region = request.param("region", "us-east-1");
        return region.matches("[a-z]{2}(-[a-z]+)+-[0-9]") ? region : "us-east-1";
    }

    static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    static Html badge(String status) {
        String s = status == null ? "" : status.toLowerCase(java.util.Locale.ROOT);
        String kind = switch (s) {
            case "success", "available", "running", "deployed", "completed", "active", "enabled", "in-sync" -> "ok";
            case "pending", "creating", "starting", "inprogress", "in progress", "modifying", "backing-up", "stopping", "rebooting" -> "warn";
            case "failed", "terminated", "stopped", "deleting", "inactive", "shutting-down", "disabled" -> "bad";
            default -> "muted";
        };
        return Html.of("<span class=\"badge {}\">{}</span>", kind, status);
    }

    /** A table with a caption for screen readers; scrolls sideways on a phone instead of overflowing. */
    static Html table(String caption, List<String> headers, List<Html> rows, String whenEmpty) {
        if (rows.isEmpty()) {
            return Html.of("<p class=\"muted\">{}</p>", whenEmpty);
        }
        Html head = Html.each(headers, h -> Html.of("<th scope=\"col\">{}</th>", h));
        return Html.of("<div class=\"table-wrap\"><table><caption class=\"sr-only\">{}</caption><thead><tr>{}</tr></thead>"
                + "<tbody>{}</tbody></table></div>", caption, head, Html.join(rows));
    }

    static Html row(Object... cells) {
        return Html.of("<tr>{}</tr>", Html.each(List.of(cells), c -> Html.of("<td>{}</td>", c)));
    }

    /** Text with its http(s) addresses as links (a verification message's link is clicked here). */
    static Html linkified(String text) {
        if (text == null) {
            return Html.empty();
        }
        java.util.ArrayList<Html> parts = new java.util.ArrayList<>();
        Matcher m = URL.matcher(text);
        int from = 0;
        while (m.find()) {
            parts.add(Html.text(text.substring(from, m.start())));
            parts.add(Html.of("<a href=\"{}\">{}</a>", Html.href(m.group()), m.group()));
            from = m.end();
        }
        parts.add(Html.text(text.substring(from)));
        return Html.join(parts);
    }

    /** A policy document, indented for reading (as given when it is not JSON). */
    static String prettyJson(String json) {
        if (json == null) {
            return "";
        }
        try {
            return io.awstutor.json.JsonMappers.pretty().writeValueAsString(io.awstutor.json.JsonMappers.mapper().readTree(json));
        } catch (java.io.IOException notJson) {
            return json;
        }
    }

    static String urlDecode(String value) {
        try {
            return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
