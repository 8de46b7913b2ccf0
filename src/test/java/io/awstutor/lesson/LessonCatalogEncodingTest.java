package io.awstutor.lesson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 16 item 9: one lesson file that is not UTF-8 is reported by name; the other lessons still load. */
class LessonCatalogEncodingTest {

    @Test
    void aFileThatIsNotUtf8IsReportedByNameAndTheOthersLoad(@TempDir Path dir) throws Exception {
        String good = "---\nid: demo\ntitle: Demo\n---\n\n# Demo\n\n## One\n\nText.\n";
        Files.writeString(dir.resolve("01-good.md"), good);
        Files.write(dir.resolve("02-latin1.md"), good.replace("id: demo", "id: other").replace("Text.", "Caf\u00e9 cr\u00e8me.")
                .getBytes(StandardCharsets.ISO_8859_1));
        LessonCatalog catalog = LessonCatalog.fromFolder(dir);
        assertEquals(1, catalog.problems().size(), catalog.problems().toString());
        String problem = catalog.problems().get(0).getMessage();
        assertTrue(problem.startsWith("02-latin1.md") && problem.contains("not UTF-8"), problem);
        assertEquals(java.util.List.of("demo"), catalog.lessons().stream().map(Lesson::id).toList(), "the good lesson still loads");
    }
}
