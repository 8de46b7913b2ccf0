package io.awstutor.lesson;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders lesson Markdown for a terminal of a given width: headings, emphasis, code spans,
 * lists, block quotes, links (text and address), tables (columns shrunk and wrapped to fit),
 * and code blocks (Java highlighted). Without colour, the same layout in plain text.
 */
public final class MarkdownRenderer {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private final int width;
    private final boolean color;

    public MarkdownRenderer(int width, boolean color) {
        this.width = Math.max(40, width);
        this.color = color;
    }

    public List<AttributedString> render(String markdown) {
        List<AttributedString> out = new ArrayList<>();
        Node document = PARSER.parse(markdown);
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (!out.isEmpty()) {
                out.add(AttributedString.EMPTY);
            }
            block(node, "", "", out);
        }
        return out;
    }

    /** Plain text of the rendering, one string: for tests and non-terminal output. */
    public String renderToString(String markdown) {
        StringBuilder sb = new StringBuilder();
        for (AttributedString line : render(markdown)) {
            sb.append(color ? line.toAnsi() : line.toString()).append('\n');
        }
        return sb.toString();
    }

    private AttributedStyle style(AttributedStyle s) {
        return color ? s : AttributedStyle.DEFAULT;
    }

    private void block(Node node, String firstIndent, String indent, List<AttributedString> out) {
        if (node instanceof Heading heading) {
            AttributedStringBuilder sb = new AttributedStringBuilder();
            inlines(heading, sb, style(AttributedStyle.BOLD.foreground(heading.getLevel() <= 1 ? AttributedStyle.CYAN : AttributedStyle.YELLOW)));
            String text = sb.toString();
            out.addAll(wrap(sb.toAttributedString(), firstIndent, indent));
            if (heading.getLevel() <= 2 && !color) {
                out.add(new AttributedString(indent + (heading.getLevel() == 1 ? "=" : "-").repeat(Math.min(TextWrap.columns(text), width - indent.length()))));
            }
        } else if (node instanceof Paragraph) {
            AttributedStringBuilder sb = new AttributedStringBuilder();
            inlines(node, sb, AttributedStyle.DEFAULT);
            out.addAll(wrap(sb.toAttributedString(), firstIndent, indent));
        } else if (node instanceof FencedCodeBlock code) {
            codeBlock(code.getLiteral(), code.getInfo(), indent, out);
        } else if (node instanceof IndentedCodeBlock code) {
            codeBlock(code.getLiteral(), "", indent, out);
        } else if (node instanceof BulletList || node instanceof OrderedList) {
            int number = node instanceof OrderedList ol && ol.getMarkerStartNumber() != null ? ol.getMarkerStartNumber() : 1;
            for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
                String marker = node instanceof OrderedList ? (number++) + ". " : "• ";
                listItem((ListItem) item, indent + marker, indent + " ".repeat(marker.length()), out);
            }
        } else if (node instanceof BlockQuote) {
            String bar = "│ ";
            List<AttributedString> inner = new ArrayList<>();
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (!inner.isEmpty()) {
                    inner.add(AttributedString.EMPTY);
                }
                block(child, "", "", innerWidthRenderer(indent.length() + bar.length()), inner);
            }
            for (AttributedString line : inner) {
                AttributedStringBuilder sb = new AttributedStringBuilder().append(indent)
                        .styled(style(AttributedStyle.DEFAULT.foreground(AttributedStyle.BLUE)), bar).append(line);
                out.add(sb.toAttributedString());
            }
        } else if (node instanceof TableBlock table) {
            new TableLayout(width - indent.length(), color).render(table, indent, out);
        } else if (node instanceof ThematicBreak) {
            out.add(new AttributedString(indent + "─".repeat(Math.max(3, width - indent.length()))));
        } else if (node instanceof HtmlBlock html) {
            out.add(new AttributedString(indent + html.getLiteral().strip()));
        } else {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                block(child, firstIndent, indent, out);
            }
        }
    }

    private void block(Node node, String firstIndent, String indent, MarkdownRenderer narrower, List<AttributedString> out) {
        narrower.block(node, firstIndent, indent, out);
    }

    private MarkdownRenderer innerWidthRenderer(int used) {
        return new MarkdownRenderer(Math.max(40, width - used), color);
    }

    private void listItem(ListItem item, String firstIndent, String indent, List<AttributedString> out) {
        boolean first = true;
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            block(child, first ? firstIndent : indent, indent, out);
            first = false;
        }
    }

    private void codeBlock(String literal, String info, String indent, List<AttributedString> out) {
        boolean java = info == null || info.isBlank() || info.trim().startsWith("java");
        int room = Math.max(20, width - indent.length() - 4);
        for (String line : literal.stripTrailing().split("\n", -1)) {
            AttributedString code = java && color ? JavaHighlighter.highlight(line)
                    : new AttributedStringBuilder().styled(style(AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN)), line)
                    .toAttributedString();
            // a line wider than the terminal continues on the next, indented further, broken before
            // a '.' or after a space or comma: the terminal's own wrap would cut a name in two
            String continuation = " ".repeat(Math.min(room / 2, line.length() - line.stripLeading().length() + 8));
            while (code.length() > room) {
                int cut = breakPoint(code.toString(), room, continuation.length());
                out.add(new AttributedStringBuilder().append(indent).append("    ").append(code.subSequence(0, cut)).toAttributedString());
                AttributedString rest = code.subSequence(cut, code.length());
                int blanks = rest.toString().length() - rest.toString().stripLeading().length();
                code = new AttributedStringBuilder().append(continuation).append(rest.subSequence(blanks, rest.length())).toAttributedString();
            }
            out.add(new AttributedStringBuilder().append(indent).append("    ").append(code).toAttributedString());
        }
    }

    private static int breakPoint(String line, int room, int minimum) {
        for (int p = room; p > minimum + 8; p--) {
            char c = line.charAt(p);
            char before = line.charAt(p - 1);
            if ((c == '.' && before != '.' && !Character.isDigit(before)) || before == ' ' || before == ',') {
                return p;
            }
        }
        return room;
    }

    void inlines(Node parent, AttributedStringBuilder sb, AttributedStyle base) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text text) {
                sb.styled(base, text.getLiteral());
            } else if (node instanceof Code code) {
                sb.styled(style(base.foreground(AttributedStyle.GREEN)), color ? code.getLiteral() : "`" + code.getLiteral() + "`");
            } else if (node instanceof Emphasis) {
                inlines(node, sb, style(base.italic()));
            } else if (node instanceof StrongEmphasis) {
                inlines(node, sb, style(base.bold()));
            } else if (node instanceof Link link) {
                int before = sb.length();
                inlines(node, sb, style(base.underline()));
                String label = sb.toString().substring(before);
                if (!label.equals(link.getDestination())) {
                    sb.styled(style(base.faint()), " (" + link.getDestination() + ")");
                }
            } else if (node instanceof SoftLineBreak) {
                sb.append(' ');
            } else if (node instanceof HardLineBreak) {
                sb.append('\n');
            } else if (node instanceof HtmlInline html) {
                sb.append(html.getLiteral());
            } else {
                inlines(node, sb, base);
            }
        }
    }

    /** Word-wraps styled text to the width; the first line takes {@code firstIndent}. */
    List<AttributedString> wrap(AttributedString text, String firstIndent, String indent) {
        List<AttributedString> lines = new ArrayList<>();
        for (AttributedString paragraphLine : splitHard(text)) {
            wrapLine(paragraphLine, lines.isEmpty() ? firstIndent : indent, indent, lines);
        }
        return lines;
    }

    private static List<AttributedString> splitHard(AttributedString text) {
        List<AttributedString> parts = new ArrayList<>();
        String plain = text.toString();
        int start = 0;
        for (int i = 0; i <= plain.length(); i++) {
            if (i == plain.length() || plain.charAt(i) == '\n') {
                parts.add(text.subSequence(start, i));
                start = i + 1;
            }
        }
        return parts;
    }

    private void wrapLine(AttributedString text, String firstIndent, String indent, List<AttributedString> out) {
        int available = Math.max(10, width - TextWrap.columns(indent));
        int firstAvailable = Math.max(10, width - TextWrap.columns(firstIndent));
        boolean first = true;
        for (AttributedString piece : TextWrap.wrap(text, firstAvailable, available)) {
            out.add(new AttributedStringBuilder().append(first ? firstIndent : indent).append(piece).toAttributedString());
            first = false;
        }
    }

    /** Lays out a GFM table: column widths shrink to fit, cell text wraps inside its column. */
    private final class TableLayout {
        private final int available;
        private final boolean color;

        TableLayout(int available, boolean color) {
            this.available = available;
            this.color = color;
        }

        void render(TableBlock table, String indent, List<AttributedString> out) {
            List<List<AttributedString>> rows = new ArrayList<>();
            int headerRows = 0;
            for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
                for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                    if (row instanceof TableRow) {
                        List<AttributedString> cells = new ArrayList<>();
                        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                            AttributedStringBuilder sb = new AttributedStringBuilder();
                            inlines(cell, sb, section instanceof TableHead ? style(AttributedStyle.BOLD) : AttributedStyle.DEFAULT);
                            cells.add(sb.toAttributedString());
                        }
                        rows.add(cells);
                        if (section instanceof TableHead) {
                            headerRows++;
                        }
                    }
                }
            }
            int columns = rows.stream().mapToInt(List::size).max().orElse(0);
            if (columns == 0) {
                return;
            }
            int[] widths = new int[columns];
            int[] longestWord = new int[columns];
            for (List<AttributedString> row : rows) {
                for (int c = 0; c < row.size(); c++) {
                    widths[c] = Math.max(widths[c], row.get(c).columnLength());
                    for (String word : row.get(c).toString().split(" ")) {
                        longestWord[c] = Math.max(longestWord[c], Math.min(TextWrap.columns(word), 24));
                    }
                }
            }
            int chrome = 3 * columns + 1;
            shrink(widths, longestWord, available - chrome);
            shrink(widths, new int[columns], available - chrome);
            out.add(new AttributedString(indent + border('┌', '┬', '┐', widths)));
            for (int r = 0; r < rows.size(); r++) {
                List<AttributedString> row = rows.get(r);
                List<List<AttributedString>> wrapped = new ArrayList<>();
                int height = 1;
                for (int c = 0; c < columns; c++) {
                    AttributedString cell = c < row.size() ? row.get(c) : AttributedString.EMPTY;
                    List<AttributedString> lines = new ArrayList<>();
                    wrapCell(cell, widths[c], lines);
                    wrapped.add(lines);
                    height = Math.max(height, lines.size());
                }
                for (int h = 0; h < height; h++) {
                    AttributedStringBuilder sb = new AttributedStringBuilder().append(indent).append("│");
                    for (int c = 0; c < columns; c++) {
                        AttributedString piece = h < wrapped.get(c).size() ? wrapped.get(c).get(h) : AttributedString.EMPTY;
                        sb.append(" ").append(piece).append(" ".repeat(Math.max(0, widths[c] - piece.columnLength()))).append(" │");
                    }
                    out.add(sb.toAttributedString());
                }
                if (r == headerRows - 1 && r < rows.size() - 1) {
                    out.add(new AttributedString(indent + border('├', '┼', '┤', widths)));
                }
            }
            out.add(new AttributedString(indent + border('└', '┴', '┘', widths)));
        }

        private String border(char left, char mid, char right, int[] widths) {
            StringBuilder sb = new StringBuilder().append(left);
            for (int c = 0; c < widths.length; c++) {
                sb.append("─".repeat(widths[c] + 2)).append(c == widths.length - 1 ? right : mid);
            }
            return sb.toString();
        }

        /**
         * Takes width from the widest columns first until the table fits, never below a
         * column's floor (first its longest word, so words stay whole; then a small minimum).
         */
        private void shrink(int[] widths, int[] floor, int budget) {
            int total = 0;
            for (int w : widths) {
                total += w;
            }
            while (total > budget) {
                int widest = -1;
                for (int c = 0; c < widths.length; c++) {
                    if (widths[c] > Math.max(6, floor[c]) && (widest < 0 || widths[c] > widths[widest])) {
                        widest = c;
                    }
                }
                if (widest < 0) {
                    break;
                }
                widths[widest]--;
                total--;
            }
        }
    }

    static void wrapCell(AttributedString cell, int cellWidth, List<AttributedString> lines) {
        lines.addAll(TextWrap.wrap(cell, cellWidth, cellWidth));
    }

}
