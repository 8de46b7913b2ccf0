package io.awstutor.lesson;

import java.util.List;

/** A multiple-choice question; {@code answer} counts from 1, as the learner types it. */
public record Quiz(String question, List<String> choices, int answer, String explanation) {
}
