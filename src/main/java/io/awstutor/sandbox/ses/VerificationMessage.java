package io.awstutor.sandbox.ses;

import java.time.Instant;
import java.util.List;

/**
 * The message SES mails an address it was asked to verify: from AWS's no-reply sender, with
 * the one link that verifies the address, in text and HTML as AWS sends it. In the sandbox it
 * lands in the mailbox ({@code GET /_aws/ses}, the console's SES page), where the link is
 * followed by a click or {@code curl}.
 */
final class VerificationMessage {
    private VerificationMessage() {
    }

    static SentMessage compose(String messageId, Instant now, String region, String address, String link) {
        String subject = "Amazon Web Services – Email Address Verification Request in region " + region;
        String text = """
                Hello,

                Someone asked Amazon SES to let this address send email from an AWS account, in region %s.
                If it was you, open the link below to confirm that you control this address:

                %s

                Until the link is opened the address stays Pending and SES refuses to send from it.
                The link expires 24 hours after the request.

                If you did not ask for this, ignore this message: nothing is sent from your address.

                (This message was written by the awstutor sandbox, which stands in for SES.)
                """.formatted(region, link);
        return new SentMessage(messageId, now, SesBackend.VERIFICATION_SENDER, List.of(address), subject, text, null);
    }
}
