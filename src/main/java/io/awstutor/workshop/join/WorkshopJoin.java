package io.awstutor.workshop.join;

import io.awstutor.lesson.LessonCatalog;
import io.awstutor.sandbox.persist.StateFile;
import io.awstutor.target.TargetSettings;
import io.awstutor.workshop.Wire;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code awstutor --join http://HOST:PORT/CODE}: joins the workshop (or comes back to it
 * with the same account, when this home already joined it), fetches its lessons (cached, so
 * a server blip at start does not stop the learner) and gives the target that points the
 * learner's clients at their own account in the workshop's sandbox. Everything lives under
 * {@code HOME/workshop/}: the membership (owner-only), the name, the lessons, the queue.
 */
public final class WorkshopJoin {
    public record Joined(Membership membership, LessonCatalog catalog, TargetSettings target, Path queueFile, Path membershipFile) {
    }

    private final Path folder;
    private final WorkshopClient client;
    private final PrintStream err;

    public WorkshopJoin(Path home, WorkshopClient client, PrintStream err) {
        this.folder = home.resolve("workshop");
        this.client = client;
        this.err = err;
    }

    /** @param askName asks the learner's name when none was given nor remembered (empty when nobody can answer) */
    public Joined join(String address, Optional<String> name, Supplier<Optional<String>> askName) throws IOException {
        JoinAddress target = JoinAddress.parse(address);
        StateFile membershipFile = new StateFile(folder.resolve("membership.json"));
        Optional<Membership> saved = membershipFile.load(Membership.class)
                .filter(m -> m.server().equals(target.server().toString()) && m.code().equals(target.code()));
        Membership membership;
        Optional<Wire.LessonsAnswer> lessons;
        if (saved.isPresent()) {
            Membership known = saved.get();
            Fetch fetched = fetch(known);
            if (fetched.unknownLearner()) { // the server was restarted without its data: join again, under the same name
                membership = newMember(target, name.or(() -> Optional.of(known.learnerName())), askName, membershipFile);
                lessons = fetch(membership).lessons();
            } else {
                membership = known;
                lessons = fetched.lessons();
            }
        } else {
            membership = newMember(target, name, askName, membershipFile);
            lessons = fetch(membership).lessons();
        }
        StateFile cache = new StateFile(folder.resolve("lessons-" + membership.code() + ".json"));
        List<LessonCatalog.LessonFile> files;
        if (lessons.isPresent()) {
            files = lessons.get().files();
            cache.save(new Wire.LessonsAnswer(lessons.get().workshop(), files));
        } else {
            files = cache.load(Wire.LessonsAnswer.class).map(Wire.LessonsAnswer::files)
                    .orElseThrow(() -> new IOException("the workshop server at " + target.server()
                            + " is out of reach and its lessons are not cached here yet; try again when it is up"));
            err.println("awstutor: the workshop server is out of reach; you work on the lessons cached here,"
                    + " and your progress is sent when it is back.");
        }
        TargetSettings settings = TargetSettings.emulator(TargetSettings.TargetKind.ENDPOINT, target.server(), membership.region(),
                membership.accessKeyId(), membership.secretAccessKey());
        return new Joined(membership, LessonCatalog.fromFiles(files), settings,
                folder.resolve("queue-" + membership.learnerId() + ".json"), membershipFile.path());
    }

    /** The lessons, or none when the server is out of reach or does not know the learner. */
    private record Fetch(Optional<Wire.LessonsAnswer> lessons, boolean unknownLearner) {
    }

    private Fetch fetch(Membership membership) throws IOException {
        try {
            return new Fetch(Optional.of(client.lessons(membership)), false);
        } catch (WorkshopClient.Refused refused) {
            if (refused.status() == 401) {
                return new Fetch(Optional.empty(), true);
            }
            throw refused;
        } catch (IOException unreachable) {
            return new Fetch(Optional.empty(), false);
        }
    }

    private Membership newMember(JoinAddress target, Optional<String> givenName, Supplier<Optional<String>> askName,
                                 StateFile membershipFile) throws IOException {
        Path nameFile = folder.resolve("name");
        Optional<String> name = givenName.filter(n -> !n.isBlank())
                .or(() -> remembered(nameFile)).or(askName).filter(n -> !n.isBlank());
        if (name.isEmpty()) {
            throw new IOException("a workshop needs your name: --name NAME");
        }
        Wire.JoinAnswer answer;
        try {
            answer = client.join(target.server(), target.code(), name.get());
        } catch (WorkshopClient.Refused refused) {
            throw new IOException("the workshop at " + target.server() + " refused to let you in: " + refused.getMessage(), refused);
        } catch (IOException unreachable) {
            throw new IOException("the workshop server at " + target.server() + " cannot be reached (" + WorkshopClient.whyUnreachable(unreachable)
                    + "); check the address the instructor shows", unreachable);
        }
        Files.createDirectories(folder);
        Files.writeString(nameFile, name.get().strip() + "\n", StandardCharsets.UTF_8);
        Membership membership = new Membership(target.server().toString(), target.code(), answer.workshop(), answer.learnerId(),
                answer.learnerName(), answer.token(), answer.accountId(), answer.accessKeyId(), answer.secretAccessKey(), answer.region());
        membershipFile.save(membership);
        return membership;
    }

    private static Optional<String> remembered(Path nameFile) {
        try {
            return Files.exists(nameFile) ? Optional.of(Files.readString(nameFile, StandardCharsets.UTF_8).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
