package io.awstutor.progress;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A learner's progress: where they are, which steps they finished (and which with the
 * reference solution's help), and the prefix that makes their global resource names
 * (S3 buckets) unique. Mutated by the shell, saved by {@link ProgressStore} after each change.
 */
public final class Progress {

    /** Per lesson: finished steps, steps solved with help, hints shown per step, quiz answers. */
    public static final class LessonState {
        public Set<String> done = new LinkedHashSet<>();
        public Set<String> helped = new LinkedHashSet<>();
        public Map<String, Integer> hintsShown = new LinkedHashMap<>();
        public Map<String, Integer> answers = new LinkedHashMap<>();
    }

    /** The format this version writes; a file with a higher one was written by a newer awstutor. */
    public static final int FORMAT = 1;

    public int version = FORMAT;
    public String learnerPrefix;
    public String currentLesson;
    public String currentStep;
    public Map<String, LessonState> lessons = new LinkedHashMap<>();

    public static Progress fresh() {
        Progress progress = new Progress();
        progress.learnerPrefix = newPrefix(new SecureRandom());
        return progress;
    }

    /** "learn-" and four random letters and digits: short enough to type, unique enough for S3. */
    static String newPrefix(SecureRandom random) {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        StringBuilder sb = new StringBuilder("learn-");
        for (int i = 0; i < 4; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    public LessonState lesson(String lessonId) {
        return lessons.computeIfAbsent(lessonId, k -> new LessonState());
    }

    public boolean isDone(String lessonId, String stepId) {
        LessonState state = lessons.get(lessonId);
        return state != null && state.done.contains(stepId);
    }

    public void markDone(String lessonId, String stepId) {
        lesson(lessonId).done.add(stepId);
    }

    public void markHelped(String lessonId, String stepId) {
        lesson(lessonId).helped.add(stepId);
    }

    public int hintsShown(String lessonId, String stepId) {
        return lesson(lessonId).hintsShown.getOrDefault(stepId, 0);
    }

    public void setHintsShown(String lessonId, String stepId, int count) {
        lesson(lessonId).hintsShown.put(stepId, count);
    }

    public Optional<Integer> answer(String lessonId, String stepId) {
        return Optional.ofNullable(lesson(lessonId).answers.get(stepId));
    }

    public void setAnswer(String lessonId, String stepId, int answer) {
        lesson(lessonId).answers.put(stepId, answer);
    }

    public void moveTo(String lessonId, String stepId) {
        currentLesson = lessonId;
        currentStep = stepId;
    }
}
