package io.awstutor.lesson;

import org.jline.utils.AttributedString;
import org.jline.utils.WCWidth;

import java.util.ArrayList;
import java.util.List;

/**
 * The one way the tutor breaks text to fit a terminal: measured in display columns (a CJK
 * character or an emoji takes two, a combining mark none), broken at spaces, and inside a
 * word only when that word alone is wider than the line (an ARN, a URL without spaces).
 * A terminal's own wrapping cuts wherever the column runs out ("databa / se"), and a cut
 * URL can no longer be copied; every piece this returns fits, so the terminal never cuts.
 */
public final class TextWrap {
    private TextWrap() {
    }

    /** How many terminal columns the text takes. */
    public static int columns(CharSequence text) {
        int columns = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            columns += Math.max(0, WCWidth.wcwidth(cp));
            i += Character.charCount(cp);
        }
        return columns;
    }

    /**
     * Breaks one line (no '\n') into pieces: the first at most {@code firstWidth} columns,
     * the others at most {@code width}. Spaces at a break are dropped; leading spaces of the
     * first piece (an indent the text carries) are kept.
     */
    public static List<String> wrap(String text, int firstWidth, int width) {
        List<String> pieces = new ArrayList<>();
        for (int[] span : spans(text, firstWidth, width)) {
            pieces.add(text.substring(span[0], span[1]));
        }
        return pieces;
    }

    /** The same for styled text: each piece keeps its styles. */
    public static List<AttributedString> wrap(AttributedString text, int firstWidth, int width) {
        List<AttributedString> pieces = new ArrayList<>();
        for (int[] span : spans(text.toString(), firstWidth, width)) {
            pieces.add(text.subSequence(span[0], span[1]));
        }
        return pieces;
    }

    /**
     * A head ({@code "  /hint  "}, {@code "  2. "}) and text that wraps under itself, the
     * continuation lines indented by the head's width.
     */
    public static List<String> hanging(String head, String text, int width) {
        int indent = columns(head);
        if (indent > width / 2) {
            indent = 4;
        }
        int room = Math.max(10, width - indent);
        List<String> lines = new ArrayList<>();
        List<String> pieces = wrap(text, Math.max(10, width - columns(head)), room);
        for (int i = 0; i < pieces.size(); i++) {
            lines.add((i == 0 ? head : " ".repeat(indent)) + pieces.get(i));
        }
        return lines;
    }

    private static List<int[]> spans(String plain, int firstWidth, int width) {
        List<int[]> spans = new ArrayList<>();
        int start = 0;
        int n = plain.length();
        boolean first = true;
        while (start < n || first) {
            int room = Math.max(1, first ? firstWidth : width);
            int end = start;
            int used = 0;
            while (end < n) {
                int cp = plain.codePointAt(end);
                int w = Math.max(0, WCWidth.wcwidth(cp));
                if (used + w > room) {
                    break;
                }
                used += w;
                end += Character.charCount(cp);
            }
            int cut;
            if (end >= n) {
                cut = n;
            } else {
                int content = start;
                while (content < n && plain.charAt(content) == ' ') {
                    content++;
                }
                int space = plain.charAt(end) == ' ' ? end : plain.lastIndexOf(' ', end - 1);
                if (space > content) {
                    cut = space;
                } else {
                    // a token longer than the whole line: cut it where the room ends
                    cut = end > start ? end : start + Character.charCount(plain.codePointAt(start));
                }
            }
            int pieceEnd = cut;
            while (pieceEnd > start && plain.charAt(pieceEnd - 1) == ' ' && cut < n) {
                pieceEnd--;
            }
            spans.add(new int[] {start, pieceEnd});
            start = cut;
            while (start < n && plain.charAt(start) == ' ') {
                start++;
            }
            first = false;
        }
        return spans;
    }
}
