package io.awstutor.lesson;

/** What a billable step would cost on a real account, shown before the step begins. */
public record CostNote(String summary, boolean billable) {
}
