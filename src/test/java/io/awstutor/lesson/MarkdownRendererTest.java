package io.awstutor.lesson;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownRendererTest {

    @Test
    void aWideTableFitsEightyColumnsWithEveryWordKept() {
        String table = """
                | Type | Protocol | Port range | Source | Description |
                |------|----------|------------|--------|-------------|
                | HTTPS | TCP | 443 | 0.0.0.0/0 | Allow inbound HTTPS access from anywhere on the internet, IPv4 |
                | MYSQL/Aurora | TCP | 3306 | sg-0123456789abcdef0 (web servers) | Only the web servers' security group may reach the database |
                """;
        String out = new MarkdownRenderer(80, false).renderToString(table);
        for (String line : out.split("\n")) {
            assertTrue(line.length() <= 80, "line longer than 80: '" + line + "' (" + line.length() + ")");
        }
        String flattened = out.replaceAll("[│┌┐└┘├┤┬┴┼─\\s]+", " ");
        for (String word : new String[] {"HTTPS", "443", "0.0.0.0/0", "MYSQL/Aurora", "3306", "sg-0123456789abcdef0", "database", "IPv4"}) {
            assertTrue(flattened.contains(word), word + " missing from:\n" + out);
        }
        assertTrue(out.startsWith("┌"), out);
    }

    @Test
    void codeBlocksAreIndentedAndPlainWithoutColour() {
        String out = new MarkdownRenderer(80, false).renderToString("Text with `code`.\n\n```java\nvar me = sts.getCallerIdentity();\n```\n");
        assertEquals("Text with `code`.\n\n    var me = sts.getCallerIdentity();\n", out);
        assertFalse(out.contains("\u001b["));
    }

    @Test
    void colourUsesAnsiAndHighlightsJavaKeywords() {
        String out = new MarkdownRenderer(80, true).renderToString("```java\nvar x = \"s\";\n```\n");
        assertTrue(out.contains("\u001b["), out);
    }

    @Test
    void paragraphsWrapToTheWidth() {
        String words = "word ".repeat(60).trim();
        String out = new MarkdownRenderer(40, false).renderToString("- " + words);
        for (String line : out.split("\n")) {
            assertTrue(line.length() <= 40, line);
        }
        assertTrue(out.startsWith("• word"), out);
        assertTrue(out.split("\n")[1].startsWith("  word"), out);
    }

    @Test
    void aJavaLineWiderThanTheTerminalContinuesIndentedAtADot() {
        String line = "        CompletedPart.builder().partNumber(2).eTag(part2.eTag()).build())));  // the multipart step";
        String out = new MarkdownRenderer(80, false).renderToString("```java\n" + line + "\n```\n");
        assertEquals("""
                            CompletedPart.builder().partNumber(2).eTag(part2.eTag())
                                    .build())));  // the multipart step
                """, out);
        String highlighted = new MarkdownRenderer(80, true).renderToString("```java\n" + line + "\n```\n");
        for (String shown : highlighted.split("\n")) {
            assertTrue(org.jline.utils.AttributedString.fromAnsi(shown).length() <= 80, shown);
        }
    }
}
