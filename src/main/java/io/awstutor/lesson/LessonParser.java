package io.awstutor.lesson;

import io.awstutor.check.Check;
import io.awstutor.check.CheckParser;
import io.awstutor.check.QuizCheck;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a lesson file: YAML front matter (id, title, summary, order), an introduction, and
 * one step per level-2 heading. Inside a step, fenced blocks whose info string names them
 * carry the machine-readable parts ({@code hint}, {@code java solution}, {@code check},
 * {@code quiz}, {@code cost}); everything else is the step's prose. The format is described
 * for authors in docs/authoring.md.
 */
public final class LessonParser {
    private static final Parser MARKDOWN = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    private LessonParser() {
    }

    public static Lesson parse(String fileName, String text) throws LessonFormatException {
        Front front = Front.read(fileName, text.replace("\r\n", "\n"));
        String body = front.body();
        int bodyStartLine = front.bodyStartLine();
        String[] lines = body.split("\n", -1);

        StringBuilder intro = new StringBuilder();
        List<Step> steps = new ArrayList<>();
        StepBuilder current = null;
        Set<String> ids = new LinkedHashSet<>();
        Node document = MARKDOWN.parse(body);
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            int line = bodyStartLine + firstLine(node) + 1;
            if (node instanceof Heading heading && heading.getLevel() == 1) {
                continue; // the title comes from the front matter; the heading is there for plain readers
            }
            if (node instanceof Heading heading && heading.getLevel() == 2) {
                if (current != null) {
                    steps.add(current.build(fileName));
                }
                String stepTitle = textOf(heading);
                String stepId = slug(stepTitle);
                if (!ids.add(stepId)) {
                    throw new LessonFormatException(fileName, line, "two steps are called '" + stepTitle + "'");
                }
                current = new StepBuilder(stepId, stepTitle, line);
                continue;
            }
            String source = sourceOf(node, lines);
            if (node instanceof FencedCodeBlock code) {
                checkFences(code, source, fileName, line);
            }
            if (node instanceof FencedCodeBlock code && isMachineBlock(code.getInfo())) {
                if (current == null) {
                    throw new LessonFormatException(fileName, line, "a '" + code.getInfo() + "' block must be inside a step (after a '## ' heading)");
                }
                current.add(code, fileName, line);
            } else if (current == null) {
                intro.append(source).append("\n\n");
            } else {
                current.body.append(source).append("\n\n");
            }
        }
        if (current != null) {
            steps.add(current.build(fileName));
        }
        if (steps.isEmpty()) {
            throw new LessonFormatException(fileName, bodyStartLine + 1, "a lesson needs at least one step (a '## ' heading)");
        }
        return new Lesson(front.id(), front.title(), front.summary(), front.order(), intro.toString().strip(), List.copyOf(steps), fileName);
    }

    /** A lesson's YAML front matter (id, title, summary, order) and the Markdown after it. */
    private record Front(String id, String title, String summary, int order, String body, int bodyStartLine) {

        static Front read(String fileName, String normalized) throws LessonFormatException {
            if (!normalized.startsWith("---\n")) {
                throw new LessonFormatException(fileName, 1, "a lesson starts with YAML front matter between '---' lines (id, title)");
            }
            int end = normalized.indexOf("\n---\n", 3);
            if (end < 0) {
                throw new LessonFormatException(fileName, 1, "the front matter's closing '---' line is missing");
            }
            Map<?, ?> front = frontMatter(fileName, normalized.substring(4, end));
            int bodyStartLine = (int) normalized.substring(0, end + 5).chars().filter(c -> c == '\n').count();
            String id = requiredString(front, "id", fileName);
            if (!id.matches("[a-z0-9][a-z0-9-]*")) {
                throw new LessonFormatException(fileName, 2, "id '" + id + "' must be lower-case letters, digits and hyphens");
            }
            String title = requiredString(front, "title", fileName);
            String summary = front.get("summary") == null ? "" : String.valueOf(front.get("summary"));
            int order = front.get("order") instanceof Number n ? n.intValue() : 100;
            return new Front(id, title, summary, order, normalized.substring(end + 5), bodyStartLine);
        }
    }

    /** A fence left open, or one whose closing line is missing so that it swallows the next block. */
    private static void checkFences(FencedCodeBlock code, String source, String fileName, int line) throws LessonFormatException {
        if (code.getClosingFenceLength() == null) {
            // Markdown lets an open fence run to the end of the file, swallowing every step after it
            String fence = String.valueOf(code.getFenceChar()).repeat(code.getOpeningFenceLength());
            throw new LessonFormatException(fileName, line, "the " + fence + (code.getInfo().isBlank() ? "" : code.getInfo().trim())
                    + " block that starts here is never closed (a line of " + fence + " ends it)");
        }
        if (code.getFenceChar() == '`') {
            // "```check" inside a ``` block: the block's own closing line is missing, and the
            // next block's opening was taken as content (a ~~~ block may hold ``` on purpose)
            String[] content = source.split("\n", -1);
            String fence = "`".repeat(code.getOpeningFenceLength());
            for (int i = 1; i < content.length - 1; i++) {
                if (content[i].strip().startsWith(fence) && content[i].strip().length() > fence.length()
                        && content[i].strip().charAt(fence.length()) != '`') {
                    throw new LessonFormatException(fileName, line, "the " + fence + code.getInfo().trim()
                            + " block that starts here runs into the " + content[i].strip() + " line " + (line + i)
                            + ": its closing " + fence + " is missing");
                }
            }
        }
    }

    private static Map<?, ?> frontMatter(String fileName, String yamlText) throws LessonFormatException {
        try {
            Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
            if (!(parsed instanceof Map<?, ?> map)) {
                throw new LessonFormatException(fileName, 2, "the front matter must be 'key: value' lines");
            }
            return map;
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            // the mark is the line within the front matter, which starts on the file's line 2
            // ("while parsing a flow sequence" points where the '[' opened, the problem where it failed)
            var mark = e.getContextMark() != null ? e.getContextMark() : e.getProblemMark();
            int line = mark == null ? 2 : mark.getLine() + 2;
            String problem = (e.getContext() == null ? "" : e.getContext() + ": ")
                    + (e.getProblem() == null ? firstLineOf(e.getMessage()) : e.getProblem());
            throw new LessonFormatException(fileName, line, "the front matter is not valid YAML: " + problem);
        } catch (YAMLException e) {
            throw new LessonFormatException(fileName, 2, "the front matter is not valid YAML: " + firstLineOf(e.getMessage()));
        }
    }

    private static String requiredString(Map<?, ?> map, String key, String fileName) throws LessonFormatException {
        Object value = map.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new LessonFormatException(fileName, 2, "the front matter needs '" + key + "'");
        }
        return String.valueOf(value).trim();
    }

    static boolean isMachineBlock(String info) {
        String kind = info == null ? "" : info.trim();
        return kind.equals("hint") || kind.equals("check") || kind.equals("quiz") || kind.equals("cost")
                || kind.equals("needs") || kind.equals("java solution") || kind.equals("solution");
    }

    private static int firstLine(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(0).getLineIndex();
    }

    private static String sourceOf(Node node, String[] lines) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans.isEmpty()) {
            return "";
        }
        int first = spans.get(0).getLineIndex();
        int last = spans.get(spans.size() - 1).getLineIndex();
        StringBuilder sb = new StringBuilder();
        for (int i = first; i <= last && i < lines.length; i++) {
            sb.append(lines[i]).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    static String textOf(Node node) {
        StringBuilder sb = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text text) {
                sb.append(text.getLiteral());
            } else if (child instanceof org.commonmark.node.Code code) {
                sb.append(code.getLiteral());
            } else {
                sb.append(textOf(child));
            }
        }
        return sb.toString().trim();
    }

    static String slug(String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "step" : slug;
    }

    private static String firstLineOf(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static final class StepBuilder {
        final String id;
        final String title;
        final int line;
        final StringBuilder body = new StringBuilder();
        final List<String> hints = new ArrayList<>();
        String solution;
        final List<Check> checks = new ArrayList<>();
        Quiz quiz;
        CostNote cost;
        final java.util.Set<StepNeed> needs = java.util.EnumSet.noneOf(StepNeed.class);

        StepBuilder(String id, String title, int line) {
            this.id = id;
            this.title = title;
            this.line = line;
        }

        void add(FencedCodeBlock code, String fileName, int line) throws LessonFormatException {
            String kind = code.getInfo().trim();
            String content = code.getLiteral().stripTrailing();
            switch (kind) {
                case "hint" -> hints.add(content);
                case "java solution", "solution" -> {
                    if (solution != null) {
                        throw new LessonFormatException(fileName, line, "step '" + title + "' has two solutions");
                    }
                    solution = content;
                }
                case "check" -> {
                    try {
                        checks.addAll(CheckParser.parse(yaml(content)));
                    } catch (IllegalArgumentException | YAMLException e) {
                        throw new LessonFormatException(fileName, line, "check block: " + firstLineOf(e.getMessage()));
                    }
                }
                case "quiz" -> quiz = parseQuiz(content, fileName, line);
                case "cost" -> cost = parseCost(content, fileName, line);
                case "needs" -> needs.addAll(parseNeeds(content, fileName, line));
                default -> throw new LessonFormatException(fileName, line, "unknown block '" + kind + "'");
            }
        }

        Step build(String fileName) throws LessonFormatException {
            if (quiz != null && !checks.isEmpty()) {
                throw new LessonFormatException(fileName, line, "step '" + title + "' has both a quiz and checks; give it one or the other");
            }
            if (!checks.isEmpty() && solution == null) {
                throw new LessonFormatException(fileName, line, "step '" + title + "' has a check but no 'java solution' block");
            }
            List<Check> all = new ArrayList<>(checks);
            if (quiz != null) {
                all.add(new QuizCheck(quiz.answer()));
            }
            return new Step(id, title, body.toString().strip(), List.copyOf(hints), Optional.ofNullable(solution),
                    List.copyOf(all), Optional.ofNullable(quiz), Optional.ofNullable(cost), java.util.Set.copyOf(needs), line);
        }

        private static Object yaml(String content) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(content);
        }

        private static Quiz parseQuiz(String content, String fileName, int line) throws LessonFormatException {
            try {
                if (!(yaml(content) instanceof Map<?, ?> map)) {
                    throw new LessonFormatException(fileName, line, "a quiz is 'question', 'choices' (a list) and 'answer' (a number)");
                }
                Object choices = map.get("choices");
                Object answer = map.get("answer");
                if (!(choices instanceof List<?> list) || list.size() < 2 || !(answer instanceof Number n)) {
                    throw new LessonFormatException(fileName, line, "a quiz needs 'choices' (two or more) and 'answer' (the number of the right one)");
                }
                int index = n.intValue();
                if (index < 1 || index > list.size()) {
                    throw new LessonFormatException(fileName, line, "the quiz's answer must be between 1 and " + list.size());
                }
                return new Quiz(String.valueOf(map.get("question") == null ? "" : map.get("question")), list.stream().map(String::valueOf).toList(),
                        index, String.valueOf(map.get("explain") == null ? "" : map.get("explain")));
            } catch (YAMLException e) {
                throw new LessonFormatException(fileName, line, "quiz block is not valid YAML: " + firstLineOf(e.getMessage()));
            }
        }

        /** {@code engine}, or a YAML list of such words. */
        private static List<StepNeed> parseNeeds(String content, String fileName, int line) throws LessonFormatException {
            Object parsed;
            try {
                parsed = yaml(content);
            } catch (YAMLException e) {
                throw new LessonFormatException(fileName, line, "needs block is not valid YAML: " + firstLineOf(e.getMessage()));
            }
            List<?> words = parsed instanceof List<?> list ? list : parsed == null ? List.of() : List.of(parsed);
            List<StepNeed> needs = new ArrayList<>();
            for (Object word : words) {
                needs.add(StepNeed.named(String.valueOf(word)).orElseThrow(() -> new LessonFormatException(fileName, line,
                        "unknown need '" + word + "' (known: " + java.util.Arrays.stream(StepNeed.values()).map(StepNeed::word)
                                .collect(java.util.stream.Collectors.joining(", ")) + ")")));
            }
            return needs;
        }

        private static CostNote parseCost(String content, String fileName, int line) throws LessonFormatException {
            try {
                Object parsed = yaml(content);
                if (parsed instanceof Map<?, ?> map) {
                    return new CostNote(String.valueOf(map.get("summary") == null ? "" : map.get("summary")),
                            !Boolean.FALSE.equals(map.get("billable")));
                }
                return new CostNote(String.valueOf(parsed), true);
            } catch (YAMLException e) {
                throw new LessonFormatException(fileName, line, "cost block is not valid YAML: " + firstLineOf(e.getMessage()));
            }
        }
    }

}
