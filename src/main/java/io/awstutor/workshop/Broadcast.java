package io.awstutor.workshop;

/** A line the instructor sent to everyone; {@code seq} orders them and tells a shell what it has shown. */
public record Broadcast(int seq, long at, String text) {
}
