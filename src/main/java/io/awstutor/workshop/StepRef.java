package io.awstutor.workshop;

/** A step of the lesson set: its lesson's id and its own. */
public record StepRef(String lesson, String step) {
    public String key() {
        return lesson + "/" + step;
    }
}
