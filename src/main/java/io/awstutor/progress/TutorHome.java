package io.awstutor.progress;

import java.nio.file.Path;

/** The tutor's folder: {@code ~/.awstutor}, or {@code $AWSTUTOR_HOME} when set. */
public final class TutorHome {
    private TutorHome() {
    }

    public static Path resolve() {
        String override = System.getenv("AWSTUTOR_HOME");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(System.getProperty("user.home"), ".awstutor");
    }

    /** Where a file of the folder that could not be read is kept: {@code ledger.json.corrupt-20261201-075355}. */
    public static Path asideOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".corrupt-"
                + java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    /**
     * Why a JSON file of the folder could not be read, in one line a learner can act on:
     * where (line and column) and what, without Jackson's class names and source notes.
     */
    public static String problemOf(Exception e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
            var at = json.getLocation();
            String what = json.getOriginalMessage() == null ? "unreadable" : json.getOriginalMessage().lines().findFirst().orElse("");
            if (json instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch) {
                if (mismatch.getPath().isEmpty()) {
                    // Jackson's own words here name its classes, and without them read "value of type from Array value (token )"
                    what = "the file holds " + kindOf(json.getOriginalMessage()) + " where an object {…} belongs";
                } else {
                    String field = mismatch.getPath().get(mismatch.getPath().size() - 1).getFieldName();
                    what = field == null ? "a value has the wrong type" : "'" + field + "' has the wrong type";
                }
            }
            what = what.replaceAll(" \\(start marker at .*", "").replaceAll("`[^`]*`", "").replaceAll("\\s+", " ").strip();
            return at == null || at.getLineNr() < 0 ? what : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + what;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("unreadable");
    }

    /** What Jackson found, from its message's "from Array value": the parser has moved on by the time it throws. */
    private static String kindOf(String jacksonMessage) {
        java.util.regex.Matcher found = java.util.regex.Pattern.compile("from (\\w+(?:-point)?) value")
                .matcher(jacksonMessage == null ? "" : jacksonMessage);
        if (!found.find()) {
            return "something else";
        }
        return switch (found.group(1)) {
            case "Array" -> "a list [...]";
            case "String" -> "a string";
            case "Integer", "Floating-point", "Long", "Double", "Number" -> "a number";
            case "Boolean" -> "true or false";
            default -> "something else";
        };
    }
}
