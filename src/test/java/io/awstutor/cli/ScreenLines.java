package io.awstutor.cli;

import io.awstutor.lesson.TextWrap;

import java.util.ArrayList;
import java.util.List;

/**
 * What a learner's 80-column screen would show wrong: lines wider than the terminal (which
 * the terminal breaks wherever the column runs out) and words the tutor itself cut in two —
 * a full line ending inside a word that the next line finishes, or the same inside a table
 * cell. A token longer than the whole line (an ARN, a URL) may be cut; nothing else.
 */
final class ScreenLines {
    private ScreenLines() {
    }

    /**
     * A break counts as a cut word when the two halves joined make a word that appears
     * whole somewhere in {@code vocabulary} (the output and the lesson sources): a line
     * that merely ends where a word ends joins into nonsense instead.
     */
    static List<String> problems(String out, int width, String vocabulary) {
        java.util.Set<String> words = new java.util.HashSet<>(List.of((out + "\n" + vocabulary).split("[^\\p{L}\\p{N}]+")));
        List<String> problems = new ArrayList<>();
        List<String> lines = out.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int columns = TextWrap.columns(line);
            if (columns > width) {
                problems.add("wider than " + width + " (" + columns + "): " + line);
                continue;
            }
            if (i + 1 >= lines.size()) {
                continue;
            }
            String next = lines.get(i + 1);
            if (isTableRow(line) && isTableRow(next)) {
                tableCells(line, next, problems, words);
            } else if (columns == width && cutWord(line, next.stripLeading(), words) && !longerThanALine(line, next, width)) {
                problems.add("a word cut at the end of a full line:\n    " + line + "\n    " + next);
            }
        }
        return problems;
    }

    /** A token that would not fit a whole line even alone may be cut where the line ends. */
    private static boolean longerThanALine(String line, String next, int width) {
        String tail = line.substring(line.lastIndexOf(' ') + 1);
        String rest = next.stripLeading();
        int space = rest.indexOf(' ');
        String head = space < 0 ? rest : rest.substring(0, space);
        int indent = next.length() - rest.length();
        return TextWrap.columns(tail) + TextWrap.columns(head) > width - indent;
    }

    private static boolean isTableRow(String line) {
        String s = line.strip();
        return s.startsWith("│") && s.endsWith("│");
    }

    private static void tableCells(String line, String next, List<String> problems, java.util.Set<String> words) {
        String[] a = line.strip().split("│", -1);
        String[] b = next.strip().split("│", -1);
        if (a.length != b.length) {
            return;
        }
        for (int c = 1; c < a.length - 1; c++) {
            String cell = a[c];
            if (cell.length() < 3) {
                continue;
            }
            String content = cell.substring(1, cell.length() - 1);
            String following = b[c].strip();
            boolean full = !content.endsWith(" ");
            if (full && cutWord(content, following, words) && content.strip().contains(" ")) {
                problems.add("a word cut inside a table cell:\n    " + line + "\n    " + next);
            }
        }
    }

    private static boolean cutWord(String before, String after, java.util.Set<String> words) {
        int from = before.length();
        while (from > 0 && Character.isLetterOrDigit(before.charAt(from - 1))) {
            from--;
        }
        int to = 0;
        while (to < after.length() && Character.isLetterOrDigit(after.charAt(to))) {
            to++;
        }
        if (from == before.length() || to == 0) {
            return false;
        }
        String joined = before.substring(from) + after.substring(0, to);
        return joined.length() >= 3 && joined.chars().anyMatch(Character::isLetter) && words.contains(joined);
    }
}
