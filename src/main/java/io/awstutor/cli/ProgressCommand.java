package io.awstutor.cli;

import io.awstutor.json.JsonMappers;
import io.awstutor.lesson.Lesson;
import io.awstutor.lesson.LessonCatalog;
import io.awstutor.lesson.TextWrap;
import io.awstutor.progress.Progress;
import io.awstutor.progress.ProgressStore;
import io.awstutor.progress.TutorHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code awstutor progress [--json]}: how far the learner is, per lesson. */
@Command(name = "progress", mixinStandardHelpOptions = true, description = "Show your progress per lesson.")
public final class ProgressCommand implements Callable<Integer> {
    private static final int WIDTH = 80;

    @Option(names = "--json", description = "Print {\"lessons\":[{\"id\",\"title\",\"steps\",\"done\"}, ...]}.")
    boolean json;

    @Option(names = "--lessons", paramLabel = "DIR", description = "Lessons from this folder instead of the bundled ones.")
    Path lessons;

    @Override
    public Integer call() throws Exception {
        LessonCatalog catalog = lessons == null ? LessonCatalog.bundled() : LessonCatalog.fromFolder(lessons);
        // a lesson that did not parse is not silently missing from the list (the shell's /lessons names it too)
        catalog.problems().forEach(problem -> System.err.println("! not loaded: " + problem.getMessage()));
        Progress progress = new ProgressStore(TutorHome.resolve()).load(System.err);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Lesson lesson : catalog.lessons()) {
            Progress.LessonState state = progress.lessons.get(lesson.id());
            long done = state == null ? 0 : lesson.steps().stream().filter(s -> state.done.contains(s.id())).count();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", lesson.id());
            row.put("title", lesson.title());
            row.put("steps", lesson.steps().size());
            row.put("done", done);
            rows.add(row);
        }
        if (json) {
            System.out.println(JsonMappers.mapper().writeValueAsString(Map.of("lessons", rows)));
        } else {
            // the count before the title, which wraps under itself: titles such as "Aurora Serverless v2 — a
            // database that scales to zero" pushed the count past 80 columns and out of its column
            for (Map<String, Object> row : rows) {
                String head = String.format("%-22s %5s  ", row.get("id"), row.get("done") + "/" + row.get("steps"));
                TextWrap.hanging(head, (String) row.get("title"), WIDTH).forEach(System.out::println);
            }
        }
        return 0;
    }
}
