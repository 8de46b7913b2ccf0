package io.awstutor.sandbox.ses;

import java.time.Instant;
import java.util.List;

/**
 * A message SES accepted: who sent it, to whom, and what, as the sandbox keeps it for
 * inspection; {@code notice} marks one AWS sent to the account (a budget alert), not billed.
 */
record SentMessage(String messageId, Instant sentAt, String source, List<String> destinations, String subject,
                   String body, boolean html, boolean notice) {
}
