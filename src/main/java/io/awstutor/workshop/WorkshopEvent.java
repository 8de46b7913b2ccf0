package io.awstutor.workshop;

import java.util.UUID;

/**
 * One thing a learner did, as their shell reports it. {@code id} is made by the learner's
 * shell once, so a batch sent again after a lost answer is recognised and not counted twice.
 * {@code at} is epoch milliseconds on the learner's clock. Never carries a secret: check
 * messages, error codes, step ids.
 */
public record WorkshopEvent(String id, long at, EventKind kind, String lesson, String step,
                            String message, int number, String service, String operation, String code) {

    public static WorkshopEvent of(EventKind kind, long at, String lesson, String step) {
        return new WorkshopEvent(UUID.randomUUID().toString(), at, kind, lesson, step, null, 0, null, null, null);
    }

    public WorkshopEvent withMessage(String text) {
        return new WorkshopEvent(id, at, kind, lesson, step, text, number, service, operation, code);
    }

    public WorkshopEvent withNumber(int n) {
        return new WorkshopEvent(id, at, kind, lesson, step, message, n, service, operation, code);
    }

    public WorkshopEvent withError(String errorService, String errorOperation, String errorCode) {
        return new WorkshopEvent(id, at, kind, lesson, step, message, number, errorService, errorOperation, errorCode);
    }

    /** The step it concerns, or null for events outside a step (idle, leaving). */
    public StepRef stepRef() {
        return lesson == null || step == null ? null : new StepRef(lesson, step);
    }

    /** What a well-formed event has: an id and a kind; text fields bounded (they are shown on a page). */
    public boolean wellFormed() {
        return id != null && !id.isBlank() && id.length() <= 64 && kind != null
                && bounded(lesson, 200) && bounded(step, 200) && bounded(message, 2000)
                && bounded(service, 100) && bounded(operation, 200) && bounded(code, 200);
    }

    private static boolean bounded(String text, int max) {
        return text == null || text.length() <= max;
    }
}
