package io.awstutor.check;

/** A check's answer: done, or exactly what is still missing, in one line. */
public record Verdict(boolean passed, String message) {
    public static Verdict pass(String message) { return new Verdict(true, message); }
    public static Verdict fail(String message) { return new Verdict(false, message); }
}
