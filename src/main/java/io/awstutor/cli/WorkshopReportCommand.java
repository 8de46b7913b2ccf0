package io.awstutor.cli;

import io.awstutor.lesson.LessonCatalog;
import io.awstutor.workshop.Wire;
import io.awstutor.workshop.Workshop;
import io.awstutor.workshop.WorkshopReport;
import io.awstutor.workshop.WorkshopStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code awstutor workshop report}: per learner and step, per step; from a running server or its data folder. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Report on a workshop: per learner and step (time, attempts, hints, solution used), per step (completion, median time).")
public final class WorkshopReportCommand implements Callable<Integer> {

    static final class Source {
        @Option(names = "--from", paramLabel = "URL", description = "A running workshop (http://HOST:PORT); needs the instructor token.")
        String from;

        @Option(names = "--data", paramLabel = "DIR", description = "The data folder of a workshop (served with --data DIR).")
        Path data;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "The instructor token for --from (default: $AWSTUTOR_WORKSHOP_TOKEN).")
    String token;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "csv (default), json or html.")
    String format;

    @Override
    public Integer call() throws Exception {
        if (!List.of("csv", "json", "html").contains(format)) {
            throw new IllegalArgumentException("--format is csv, json or html, not '" + format + "'");
        }
        WorkshopReport report = source.data != null ? fromData(source.data) : fromServer(io.awstutor.workshop.join.JoinAddress.server(source.from));
        System.out.print(switch (format) {
            case "json" -> report.json() + "\n";
            case "html" -> report.html().toString();
            default -> report.csv();
        });
        System.out.flush();
        return 0;
    }

    private static WorkshopReport fromData(Path data) {
        Path folder = data.resolve("workshop");
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(data + " holds no workshop (no workshop/ folder in it)");
        }
        WorkshopStore store = new WorkshopStore(folder);
        String name = store.settings().map(WorkshopStore.Settings::name).orElse("workshop");
        List<Workshop.LearnerEvents> learners = store.learners().stream()
                .map(f -> new Workshop.LearnerEvents(f.learner(), f.events())).toList();
        return WorkshopReport.of(name, LessonCatalog.fromFiles(store.lessons()), learners, System.currentTimeMillis());
    }

    private WorkshopReport fromServer(URI server) throws IOException, InterruptedException {
        String secret = token != null ? token : System.getenv("AWSTUTOR_WORKSHOP_TOKEN");
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("--from needs the instructor token: --token TOKEN or AWSTUTOR_WORKSHOP_TOKEN");
        }
        HttpRequest request = HttpRequest.newBuilder(server.resolve(Wire.REPORT)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + secret.trim()).GET().build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException("the workshop at " + server + " cannot be reached: " + io.awstutor.workshop.join.WorkshopClient.whyUnreachable(e), e);
        }
        if (response.statusCode() == 401) {
            throw new IllegalArgumentException("the workshop at " + server + " refused the token: it is not its instructor token");
        }
        if (response.statusCode() != 200) {
            throw new IOException("the workshop at " + server + " answered " + response.statusCode() + " (is it a workshop?)");
        }
        return WorkshopReport.fromJson(response.body());
    }
}
