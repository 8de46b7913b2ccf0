package io.awstutor.jshell;

/** What became of one snippet the learner typed. */
public sealed interface SnippetOutcome {

    /** An expression or variable with a value: {@code me ==> GetCallerIdentityResponse(...)}. */
    record Value(String name, String typeName, String value, boolean temporary) implements SnippetOutcome { }

    /** A method, class or import was declared (or replaced). */
    record Declared(String description) implements SnippetOutcome { }

    /** A statement that ran and produced no value. */
    record Ran() implements SnippetOutcome { }

    /**
     * javac refused it: the first diagnostic as the learner reads it, with the source line and a
     * caret; {@code javacMessage} is javac's own text, full type names kept, for the shell to act
     * on (which service's {@code Filter} was meant: see {@code AmbiguousNames}).
     */
    record CompileError(String message, String javacMessage) implements SnippetOutcome {
        /** An error javac did not word: the one text serves both. */
        CompileError(String message) {
            this(message, message);
        }
    }

    /** It threw: the exception's class and message (AWS errors are described from the call log). */
    record Failed(String exceptionClass, String message, boolean awsError) implements SnippetOutcome { }

    /** Ctrl-C stopped it. */
    record Interrupted() implements SnippetOutcome { }

    /** The snippet ended the Java process (System.exit, a crash); a fresh one was started. */
    record SessionRestarted(String reason) implements SnippetOutcome { }
}
