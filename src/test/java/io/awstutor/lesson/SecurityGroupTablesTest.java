package io.awstutor.lesson;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The security-group lesson's rule tables, as a learner in an 80-column terminal sees them. */
class SecurityGroupTablesTest {

    @Test
    void everyRuleTableOfTheLessonIsReadableAtEightyColumns() {
        Lesson lesson = LessonCatalog.bundled().find("security-groups").orElseThrow();
        List<Step> withTables = lesson.steps().stream().filter(s -> s.body().contains("|---")).toList();
        assertEquals(4, withTables.size(), "the web group, the database by address, by group, and the comparison");
        StringBuilder all = new StringBuilder();
        for (Step step : withTables) {
            String out = new MarkdownRenderer(80, false).renderToString(step.body().replace("${prefix}", "learn-ab12"));
            for (String line : out.split("\n")) {
                assertTrue(line.length() <= 80, "line longer than 80 in '" + step.title() + "': '" + line + "' (" + line.length() + ")");
            }
            assertTrue(out.contains("┌") && out.contains("└"), "drawn as a table:\n" + out);
            all.append(out.replaceAll("[│┌┐└┘├┤┬┴┼─\\s]+", " "));
        }
        String words = all.toString();
        for (String cell : new String[] {"inbound TCP 80 0.0.0.0/0 (anywhere)", "outbound all all 0.0.0.0/0 (the default rule)",
                "inbound TCP 3306 web1's private address /32", "inbound TCP 3306 security group `learn-ab12-web`"}) {
            assertTrue(words.contains(cell), "row '" + cell + "' reads in order:\n" + words);
        }
        assertTrue(words.contains("shut out until a") && words.contains("rule is added"), "wrapped cells keep every word:\n" + words);
    }
}
