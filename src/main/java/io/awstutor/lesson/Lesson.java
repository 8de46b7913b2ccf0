package io.awstutor.lesson;

import java.util.List;
import java.util.Optional;

/** One section of the chapter: an introduction and its steps, from one Markdown file. */
public record Lesson(String id, String title, String summary, int order, String intro, List<Step> steps, String source) {

    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    public int indexOf(String stepId) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(stepId)) {
                return i;
            }
        }
        return -1;
    }
}
