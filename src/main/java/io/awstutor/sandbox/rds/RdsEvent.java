package io.awstutor.sandbox.rds;

import java.time.Instant;

/** One entry of DescribeEvents: what happened to a source (a DB instance), when, and in which category. */
public record RdsEvent(String sourceIdentifier, String sourceType, String sourceArn, String message, String category, Instant date) {
}
