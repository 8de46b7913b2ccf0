package io.awstutor.cli;

import io.awstutor.shell.Tutor;
import io.awstutor.shell.TutorShell;
import io.awstutor.workshop.join.EventQueue;
import io.awstutor.workshop.join.WorkshopClient;
import io.awstutor.workshop.join.WorkshopJoin;
import io.awstutor.workshop.join.WorkshopSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The shell's part of {@code --join}: joining before the session, the workshop's hooks during it. */
final class WorkshopLearner {
    /** A learner with no input for this long is reported idle. */
    private static final Duration IDLE_AFTER = Duration.ofMinutes(5);

    private WorkshopLearner() {
    }

    static Optional<WorkshopJoin.Joined> join(ShellOptions options, Path home, boolean terminal) throws IOException {
        if (options.join == null) {
            return Optional.empty();
        }
        if (options.lessons != null || !"sandbox".equals(options.target)) {
            throw new IllegalArgumentException("--join gives the lessons and the target: leave out --lessons and --target");
        }
        return Optional.of(new WorkshopJoin(home, new WorkshopClient(), System.err)
                .join(options.join, Optional.ofNullable(options.name), () -> askName(terminal)));
    }

    private static Optional<String> askName(boolean terminal) {
        if (!terminal || System.console() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(System.console().readLine("Your name for the workshop: ")).map(String::strip);
    }

    static AutoCloseable install(Optional<WorkshopJoin.Joined> workshop, TutorShell shell, Tutor tutor) {
        if (workshop.isEmpty()) {
            return () -> { };
        }
        WorkshopJoin.Joined joined = workshop.get();
        WorkshopSession session = new WorkshopSession(joined.membership(), new EventQueue(joined.queueFile()), new WorkshopClient(),
                Clock.systemUTC(), IDLE_AFTER, () -> {
                    try {
                        Files.deleteIfExists(joined.membershipFile());
                    } catch (IOException e) {
                        System.err.println("awstutor: " + joined.membershipFile() + " could not be removed: " + e.getMessage());
                    }
                });
        session.install(shell, tutor);
        return session;
    }
}
