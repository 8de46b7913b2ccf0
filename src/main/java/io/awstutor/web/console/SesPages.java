package io.awstutor.web.console;

import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.ses.SentMessage;
import io.awstutor.sandbox.ses.SesBackend;
import io.awstutor.sandbox.ses.SesHandler;
import io.awstutor.web.Html;
import io.awstutor.web.WebException;
import io.awstutor.web.WebRequest;
import io.awstutor.web.WebResponse;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.model.IdentityVerificationAttributes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SES: the identities and their verification status (verify an address or a domain here, and
 * publish a domain's record, the sandbox's stand-in for DNS), and the mailbox: every message
 * SES accepted in this account and region — the verification messages too, whose link is
 * clicked here. A message's HTML is shown in a sandboxed frame under a CSP that lets nothing
 * in it run or load.
 */
final class SesPages {
    /** For a message's HTML part: no script, no fetch, no form, inline styles only; and a sandbox of its own. */
    static final String MAIL_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

    private final ConsoleClients clients;
    private final Sandbox sandbox;

    SesPages(ConsoleClients clients, Sandbox sandbox) {
        this.clients = clients;
        this.sandbox = sandbox;
    }

    private SesBackend backend() {
        return sandbox.service(SesHandler.class).orElseThrow().backend();
    }

    WebResponse overview(WebRequest request, Operator who) throws Exception {
        return overview(request, who, Html.empty());
    }

    private WebResponse overview(WebRequest request, Operator who, Html banner) throws Exception {
        String region = ConsoleView.region(request);
        SesClient ses = clients.ses(who, region);
        return ConsoleView.page(request, who, "ses", "SES · " + region, "ses", () -> Html.of(
                "{}<h2>Identities</h2>{}{}<h2 id=\"mailbox\">Mailbox</h2><p class=\"muted\">Every message SES accepted in {}"
                        + " (the sandbox delivers to no real inbox), newest first. Also at <code>GET /_aws/ses</code>.</p>{}",
                banner, ConsoleView.guarded(() -> identities(ses, region)), forms(region), region, mailbox(who, region)));
    }

    private Html identities(SesClient ses, String region) {
        List<String> names = ses.listIdentitiesPaginator().identities().stream().toList();
        Map<String, IdentityVerificationAttributes> attributes = names.isEmpty() ? Map.of()
                : ses.getIdentityVerificationAttributes(b -> b.identities(names)).verificationAttributes();
        List<Html> rows = new ArrayList<>();
        for (String name : names) {
            IdentityVerificationAttributes a = attributes.get(name);
            String status = a == null ? "" : a.verificationStatusAsString();
            boolean domain = !name.contains("@");
            Html action = Html.empty();
            if (domain && "Pending".equals(status)) {
                action = Html.of("<form method=\"post\" action=\"{}\" class=\"inline\"><input type=\"hidden\" name=\"region\" value=\"{}\">"
                        + "<input type=\"hidden\" name=\"domain\" value=\"{}\"><button class=\"secondary\" type=\"submit\">Publish the TXT record</button></form>"
                        + "<br><span class=\"muted\">_amazonses.{} TXT <code>{}</code></span>",
                        Html.href(ConsoleView.PREFIX + "/ses/publish-record"), region, name, name, a.verificationToken());
            } else if ("Pending".equals(status)) {
                action = Html.raw("<span class=\"muted\">Open the link in the message below.</span>");
            }
            rows.add(ConsoleView.row(Html.of("<code>{}</code>", name), domain ? "Domain" : "Email address", ConsoleView.badge(status), action));
        }
        return ConsoleView.table("Identities", List.of("Identity", "Type", "Verification status", ""), rows,
                "No identities in " + region + ". SES sends only from verified ones.");
    }

    private static Html forms(String region) {
        return Html.of("""
                <form method="post" action="{}" class="panel"><input type="hidden" name="region" value="{}"><div class="row">
                <label>Verify an email address <input name="email" type="email" placeholder="me@example.com"></label>
                <label>or a domain <input name="domain" placeholder="example.com"></label>
                <button type="submit">Verify</button></div></form>""", Html.href(ConsoleView.PREFIX + "/ses/verify"), region);
    }

    private Html mailbox(Operator who, String region) {
        List<SentMessage> messages = new ArrayList<>(backend().messages(who.accountId(), region));
        java.util.Collections.reverse(messages);
        if (messages.isEmpty()) {
            return Html.raw("<p class=\"muted\">No messages yet.</p>");
        }
        return Html.each(messages, m -> Html.of("""
                <article class="panel mail" aria-label="Message {}"><h3>{}</h3>
                <p class="muted">From <strong>{}</strong> to {} · {}</p>{}{}</article>""",
                m.subject(), m.subject().isEmpty() ? "(no subject)" : m.subject(), m.source(), String.join(", ", m.destinations()),
                ConsoleView.time(m.sentAt()),
                m.text() == null ? Html.empty() : Html.of("<pre class=\"mail-text\">{}</pre>", ConsoleView.linkified(m.text())),
                m.html() == null ? Html.empty() : Html.of("<iframe class=\"mail\" sandbox title=\"HTML part of {}\" src=\"{}\"></iframe>",
                        m.subject(), Html.href(ConsoleView.PREFIX + "/ses/message/" + ConsoleView.enc(m.messageId())
                                + "/html?region=" + region))));
    }

    /** A message's HTML part, alone, under a CSP that forbids every script and load. */
    WebResponse htmlPart(WebRequest request, Operator who) {
        String id = request.param("id", "");
        String region = ConsoleView.region(request);
        SentMessage message = backend().messages(who.accountId(), region).stream().filter(m -> m.messageId().equals(id))
                .findFirst().orElseThrow(() -> new WebException(404, "No such message in " + region + "."));
        return WebResponse.bytes(200, "text/html; charset=utf-8", (message.html() == null ? "" : message.html())
                        .getBytes(StandardCharsets.UTF_8))
                .withHeader("Content-Security-Policy", MAIL_CSP)
                .withHeader("Cache-Control", "no-store");
    }

    WebResponse verify(WebRequest request, Operator who) throws Exception {
        String region = ConsoleView.region(request);
        String email = request.param("email", "").strip();
        String domain = request.param("domain", "").strip();
        SesClient ses = clients.ses(who, region);
        try {
            if (!email.isEmpty()) {
                ses.verifyEmailIdentity(b -> b.emailAddress(email));
            } else if (!domain.isEmpty()) {
                ses.verifyDomainIdentity(b -> b.domain(domain));
            } else {
                return overview(request, who, ConsoleView.notice("error", "Give an email address or a domain."));
            }
        } catch (AwsServiceException refused) {
            return overview(request, who, ConsoleView.error(refused));
        }
        return WebResponse.redirect(ConsoleView.PREFIX + "/ses?region=" + region);
    }

    /** The owner publishes the domain's TXT record: outside AWS, so no IAM permission is involved. */
    WebResponse publishRecord(WebRequest request, Operator who) throws Exception {
        String region = ConsoleView.region(request);
        try {
            backend().publishDomainRecord(who.accountId(), region, request.param("domain", ""));
        } catch (io.awstutor.sandbox.protocol.AwsException refused) {
            return overview(request, who, ConsoleView.notice("error", refused.getMessage()));
        }
        return WebResponse.redirect(ConsoleView.PREFIX + "/ses?region=" + region);
    }
}
