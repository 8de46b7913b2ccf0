package io.awstutor.workshop;

import io.awstutor.lesson.LessonCatalog;

import java.util.List;

/** The messages between a learner's shell and the workshop server (JSON over HTTP). */
public final class Wire {
    private Wire() {
    }

    /** The paths under the sandbox's listener. */
    public static final String PREFIX = "/_workshop";
    public static final String JOIN = PREFIX + "/api/join";
    public static final String LESSONS = PREFIX + "/api/lessons";
    public static final String EVENTS = PREFIX + "/api/events";
    public static final String REPORT = PREFIX + "/api/report";

    /** What a learner gets for the right code: their token and their own account's keys. */
    public record JoinAnswer(String workshop, String learnerId, String learnerName, String token, String accountId,
                             String accessKeyId, String secretAccessKey, String region) {
        @Override
        public String toString() {
            return "JoinAnswer[" + workshop + ", " + learnerName + ", " + accountId + "]";
        }
    }

    public record LessonsAnswer(String workshop, List<LessonCatalog.LessonFile> files) {
    }

    /** A batch of events, and the last broadcast the shell has shown (so the answer brings only newer ones). */
    public record EventBatch(List<WorkshopEvent> events, int broadcastsSeen) {
    }

    public record Refusal(String error) {
    }
}
