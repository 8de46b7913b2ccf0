package io.awstutor.web.console;

import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.cloudfront.CloudFrontHandler;
import io.awstutor.sandbox.cloudfront.EdgeServer;
import io.awstutor.web.Html;
import io.awstutor.web.WebRequest;
import io.awstutor.web.WebResponse;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;

import java.util.ArrayList;
import java.util.List;

/** CloudFront: distributions with their status, the edge URL, the edge cache's hits and misses, and invalidations. */
final class CloudFrontPages {
    private final ConsoleClients clients;
    private final Sandbox sandbox;

    CloudFrontPages(ConsoleClients clients, Sandbox sandbox) {
        this.clients = clients;
        this.sandbox = sandbox;
    }

    WebResponse overview(WebRequest request, Operator who) throws Exception {
        CloudFrontClient cloudfront = clients.cloudfront(who);
        EdgeServer edge = sandbox.service(CloudFrontHandler.class).orElseThrow().edge();
        return ConsoleView.page(request, who, "cloudfront", "CloudFront", "cloudfront", () -> {
            var list = cloudfront.listDistributions().distributionList();
            List<DistributionSummary> items = list.items() == null ? List.of() : list.items();
            if (items.isEmpty()) {
                return Html.raw("<p class=\"muted\">No distributions yet. CloudFront is global: distributions belong to no region.</p>");
            }
            return Html.each(items, d -> {
                String prefix = d.domainName().replaceFirst("\\.cloudfront\\.net$", "");
                String url = "http://" + request.host() + "/_cloudfront/" + ConsoleView.enc(prefix) + "/";
                EdgeServer.CacheCounts counts = edge.counts(d.id());
                Html invalidations = ConsoleView.guarded(() -> {
                    List<Html> rows = new ArrayList<>();
                    var found = cloudfront.listInvalidations(b -> b.distributionId(d.id())).invalidationList().items();
                    (found == null ? List.<software.amazon.awssdk.services.cloudfront.model.InvalidationSummary>of() : found)
                            .forEach(i -> rows.add(ConsoleView.row(Html.of("<code>{}</code>", i.id()), ConsoleView.badge(i.status()),
                                    ConsoleView.time(i.createTime()))));
                    return ConsoleView.table("Invalidations", List.of("Invalidation", "Status", "Created"), rows, "No invalidations.");
                });
                return Html.of("""
                        <section class="panel"><h2><code>{}</code> {}</h2>
                        <p>{} · {} · {}</p>
                        <p>Edge URL: <a href="{}">{}</a><br><span class="muted">on AWS: https://{}/</span></p>
                        <p>Origins: {}</p>
                        <p>Edge cache since the sandbox started: <strong>{}</strong> hits, <strong>{}</strong> misses, {} errors</p>
                        <h3>Invalidations</h3>{}</section>""",
                        d.id(), d.comment() == null || d.comment().isEmpty() ? Html.empty() : Html.of("<span class=\"muted\">{}</span>", d.comment()),
                        ConsoleView.badge(d.status()), Boolean.TRUE.equals(d.enabled()) ? "Enabled" : "Disabled", d.domainName(),
                        Html.href(url), url, d.domainName(),
                        String.join(", ", d.origins().items().stream().map(o -> o.domainName() + (o.originPath() == null ? "" : o.originPath())).toList()),
                        counts.hits(), counts.misses(), counts.errors(), invalidations);
            });
        });
    }
}
