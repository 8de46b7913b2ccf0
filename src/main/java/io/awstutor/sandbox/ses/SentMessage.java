package io.awstutor.sandbox.ses;

import java.time.Instant;
import java.util.List;

/**
 * A message SES accepted (or mailed itself, as a verification request): who sent it, to whom,
 * and what, as the sandbox keeps it for inspection. {@code text} and {@code html} are the
 * message's parts as given (either may be null); a raw message is kept whole in {@code text}.
 */
public record SentMessage(String messageId, Instant sentAt, String source, List<String> destinations, String subject,
                          String text, String html) {
}
