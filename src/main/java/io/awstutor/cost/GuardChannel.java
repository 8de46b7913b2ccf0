package io.awstutor.cost;

import java.util.Map;

/**
 * The loopback conversation between the learner's JVM and the shell: before a reviewed call
 * leaves, the interceptor sends one JSON line ({@link Question}) to 127.0.0.1 on the port
 * the shell passed as a system property, and blocks for one line back ({@link Answer}).
 * The token keeps other local processes from answering or asking.
 */
public final class GuardChannel {
    public static final String PORT_PROPERTY = "awstutor.guard.port";
    public static final String TOKEN_PROPERTY = "awstutor.guard.token";

    private GuardChannel() {
    }

    /** A call about to leave: its service, operation, region and request fields (secrets masked). */
    public record Question(String token, String service, String operation, String region, Map<String, Object> fields) {
    }

    /**
     * The shell's word: whether the call may go, why not, and the lesson to tag what it
     * creates with ({@code awstutor:lesson}).
     */
    public record Answer(boolean allow, String message, String lesson) {
        public static Answer allowed(String lesson) {
            return new Answer(true, null, lesson);
        }

        public static Answer refused(String message) {
            return new Answer(false, message, null);
        }
    }
}
