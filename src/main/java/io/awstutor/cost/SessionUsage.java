package io.awstutor.cost;

/** What this session used already, against the free tier's usage limits. */
public record SessionUsage(long uploadedBytes, int messagesSent) {
}
