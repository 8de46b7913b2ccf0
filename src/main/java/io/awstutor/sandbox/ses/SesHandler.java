package io.awstutor.sandbox.ses;

import io.awstutor.sandbox.protocol.Arns;
import io.awstutor.sandbox.protocol.ValidationErrors;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * SES (the classic API, version 2010-12-01) over the AWS query protocol: identities and
 * sending. Each action authorizes {@code ses:Action} on the identity it concerns (the
 * sender's, for sending) or on {@code *}, decodes, and asks the backend.
 */
public final class SesHandler extends QueryServiceHandler {
    /**
     * SES's API v2 ({@code aws sesv2}, {@code SesV2Client}) signs as {@code ses} and lives under
     * {@code /v2/email/}; the sandbox serves the first API (the query protocol, at {@code /}).
     */
    @Override
    public java.util.Optional<String> unservedApi(io.awstutor.sandbox.http.SandboxRequest request) {
        if (request.rawPath().startsWith("/v2/")) {
            return java.util.Optional.of("The sandbox serves SES's first API (aws ses, SesClient), not SES API v2 "
                    + "(aws sesv2, SesV2Client); use the first API's operations (VerifyEmailIdentity, SendEmail, ...).");
        }
        return java.util.Optional.empty();
    }

    public static final String NAMESPACE = "http://ses.amazonaws.com/doc/2010-12-01/";

    private static final io.awstutor.sandbox.protocol.AwsOperations AWS_OPERATIONS =
            io.awstutor.sandbox.protocol.AwsOperations.load(SesHandler.class, "aws-operations.txt");

    private final SesBackend backend;
    private final Map<String, QueryAction> actions;

    /** The mailbox view of what this SES sent, at {@code GET /_aws/ses}. */
    public Mailbox mailbox() {
        return new Mailbox(backend);
    }

    public SesHandler(SesBackend backend) {
        super("ses", NAMESPACE, "2010-12-01", ResponseShape.WRAPPED_RESULT);
        this.backend = backend;
        this.actions = Map.ofEntries(
                Map.entry("VerifyEmailIdentity", this::verifyEmailIdentity),
                Map.entry("VerifyEmailAddress", this::verifyEmailIdentity),
                Map.entry("VerifyDomainIdentity", this::verifyDomainIdentity),
                Map.entry("ListIdentities", this::listIdentities),
                Map.entry("ListVerifiedEmailAddresses", this::listVerifiedEmailAddresses),
                Map.entry("GetIdentityVerificationAttributes", this::getIdentityVerificationAttributes),
                Map.entry("DeleteIdentity", this::deleteIdentity),
                Map.entry("DeleteVerifiedEmailAddress", this::deleteVerifiedEmailAddress),
                Map.entry("SendEmail", this::sendEmail),
                Map.entry("SendRawEmail", this::sendRawEmail),
                Map.entry("GetSendQuota", this::getSendQuota),
                Map.entry("GetSendStatistics", this::getSendStatistics),
                Map.entry("GetAccountSendingEnabled", this::getAccountSendingEnabled));
    }

    @Override
    protected Map<String, QueryAction> actions() {
        return actions;
    }

    @Override
    protected io.awstutor.sandbox.protocol.AwsOperations awsOperations() {
        return AWS_OPERATIONS;
    }

    private void verifyEmailIdentity(QueryParams p, ServiceCall call, XmlWriter out) {
        String action = p.action();
        authorize(call, action, identityArn(call, p.required("EmailAddress")));
        backend.verifyEmail(call.accountId(), call.region(), p.get("EmailAddress"), linkBase(call));
    }

    private void verifyDomainIdentity(QueryParams p, ServiceCall call, XmlWriter out) {
        String domain = p.required("Domain");
        authorize(call, "VerifyDomainIdentity", identityArn(call, domain));
        out.element("VerificationToken", backend.verifyDomain(call.accountId(), call.region(), domain));
    }

    private void listIdentities(QueryParams p, ServiceCall call, XmlWriter out) {
        authorize(call, "ListIdentities", "*");
        Identity.Type type = p.optional("IdentityType").map(t -> {
            try {
                return Identity.Type.valueOf(t);
            } catch (IllegalArgumentException e) {
                throw ValidationErrors.invalid(t, "identityType", ValidationErrors.oneOf(java.util.List.of("EmailAddress", "Domain")));
            }
        }).orElse(null);
        SesBackend.Page page = backend.listIdentities(call.accountId(), call.region(), type, p.get("NextToken"),
                p.integer("MaxItems").orElse(null));
        out.start("Identities");
        page.identities().forEach(i -> out.element("member", i));
        out.end();
        page.nextToken().ifPresent(t -> out.element("NextToken", t));
    }

    private void listVerifiedEmailAddresses(QueryParams p, ServiceCall call, XmlWriter out) {
        authorize(call, "ListVerifiedEmailAddresses", "*");
        out.start("VerifiedEmailAddresses");
        backend.listIdentities(call.accountId(), call.region(), Identity.Type.EmailAddress, null, null)
                .identities().forEach(i -> out.element("member", i));
        out.end();
    }

    private void getIdentityVerificationAttributes(QueryParams p, ServiceCall call, XmlWriter out) {
        authorize(call, "GetIdentityVerificationAttributes", "*");
        List<String> names = p.list("Identities");
        if (names.size() > 100) {
            throw AwsException.validation(ValidationErrors.messageAt("identities", ValidationErrors.maxLength(100)));
        }
        out.start("VerificationAttributes");
        for (Identity identity : backend.identities(call.accountId(), call.region(), names)) {
            out.start("entry").element("key", identity.name()).start("value")
                    .element("VerificationStatus", backend.status(identity).name())
                    .element("VerificationToken", identity.verificationToken())
                    .end().end();
        }
        out.end();
    }

    private void deleteIdentity(QueryParams p, ServiceCall call, XmlWriter out) {
        String identity = p.required("Identity");
        authorize(call, "DeleteIdentity", identityArn(call, identity));
        backend.deleteIdentity(call.accountId(), call.region(), identity);
    }

    private void deleteVerifiedEmailAddress(QueryParams p, ServiceCall call, XmlWriter out) {
        String address = p.required("EmailAddress");
        authorize(call, "DeleteVerifiedEmailAddress", identityArn(call, address));
        backend.deleteIdentity(call.accountId(), call.region(), address);
    }

    private void sendEmail(QueryParams p, ServiceCall call, XmlWriter out) {
        String source = p.required("Source");
        List<String> recipients = new ArrayList<>();
        for (String field : List.of("ToAddresses", "CcAddresses", "BccAddresses")) {
            recipients.addAll(p.list("Destination." + field));
        }
        String subject = p.required("Message.Subject.Data");
        String text = p.get("Message.Body.Text.Data");
        String html = p.get("Message.Body.Html.Data");
        if (text == null && html == null) {
            throw AwsException.badRequest("InvalidParameterValue", "The message body must contain text or HTML.");
        }
        authorize(call, "SendEmail", identityArn(call, sender(source)));
        SentMessage sent = backend.send(call.accountId(), call.region(), source, recipients, subject, text, html);
        out.element("MessageId", sent.messageId());
    }

    private void sendRawEmail(QueryParams p, ServiceCall call, XmlWriter out) {
        byte[] data;
        try {
            data = Base64.getMimeDecoder().decode(p.required("RawMessage.Data"));
        } catch (IllegalArgumentException e) {
            throw AwsException.badRequest("InvalidParameterValue", "RawMessage.Data is not valid base64.");
        }
        RawEmail raw = RawEmail.parse(data);
        String source = p.optional("Source").or(raw::from).orElseThrow(() ->
                AwsException.badRequest("InvalidParameterValue", "Missing required header 'From'."));
        List<String> recipients = p.list("Destinations");
        if (recipients.isEmpty()) {
            recipients = raw.recipients();
        }
        authorize(call, "SendRawEmail", identityArn(call, sender(source)));
        SentMessage sent = backend.send(call.accountId(), call.region(), source, recipients,
                raw.subject().orElse(""), raw.text(), null);
        out.element("MessageId", sent.messageId());
    }

    private void getSendQuota(QueryParams p, ServiceCall call, XmlWriter out) {
        authorize(call, "GetSendQuota", "*");
        SesBackend.Quota quota = backend.quota(call.accountId(), call.region());
        out.element("Max24HourSend", quota.max24HourSend() + ".0")
                .element("MaxSendRate", quota.maxSendRate() + ".0")
                .element("SentLast24Hours", quota.sentLast24Hours() + ".0");
    }

    private void getSendStatistics(QueryParams p, ServiceCall call, XmlWriter out) {
        authorize(call, "GetSendStatistics", "*");
        out.start("SendDataPoints");
        for (SesBackend.DataPoint point : backend.statistics(call.accountId(), call.region())) {
            out.start("member")
                    .element("Timestamp", point.timestamp())
                    .element("DeliveryAttempts", point.deliveryAttempts())
                    .element("Bounces", point.bounces())
                    .element("Complaints", point.complaints())
                    .element("Rejects", point.rejects())
                    .end();
        }
        out.end();
    }

    private void getAccountSendingEnabled(QueryParams p, ServiceCall call, XmlWriter out) {
        authorize(call, "GetAccountSendingEnabled", "*");
        out.element("Enabled", true);
    }

    /**
     * Where the verification link points: the address the caller reached the sandbox at (its
     * Host header), so the link works from the same machine; 127.0.0.1 when the header is odd.
     */
    private static String linkBase(ServiceCall call) {
        String host = call.request().header("host").orElse("");
        return "http://" + (host.matches("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?") ? host : "127.0.0.1");
    }

    /** The backend, for the sandbox's own views of SES (the console). */
    public SesBackend backend() {
        return backend;
    }

    /** The bare address of a sender written as {@code "Name <a@b>"}, for its identity's ARN. */
    private static String sender(String source) {
        try {
            return EmailAddress.parse(source).identity();
        } catch (AwsException malformed) {
            return source;
        }
    }

    private static String identityArn(ServiceCall call, String identity) {
        return Arns.regional("ses", call.region(), call.accountId(), "identity/" + identity);
    }

    private static void authorize(ServiceCall call, String action, String resource) {
        call.authorize("ses:" + action, resource, "AccessDenied");
    }
}
