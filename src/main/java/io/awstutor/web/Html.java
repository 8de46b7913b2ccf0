package io.awstutor.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Markup that is safe to send: every piece of text that went into it was escaped. Pages are
 * built only from these values, so a bucket key, a tag, a policy or a learner's name that
 * holds {@code <script>} shows as text. {@link #raw} is for constant templates in our own code,
 * never for anything a request, a learner or a backend supplied.
 */
public final class Html {
    private static final Html EMPTY = new Html("");
    private final String markup;

    private Html(String markup) {
        this.markup = markup;
    }

    /**
     * Fills each {@code {}} in {@code template} with an argument: {@code Html} as it is, anything
     * else escaped (null as ""). The template itself is trusted: write it as a constant.
     */
    public static Html of(String template, Object... args) {
        StringBuilder out = new StringBuilder(template.length() + 16 * args.length);
        int from = 0;
        int used = 0;
        while (true) {
            int at = template.indexOf("{}", from);
            if (at < 0) {
                break;
            }
            if (used == args.length) {
                throw new IllegalArgumentException("more {} than arguments in: " + template);
            }
            out.append(template, from, at).append(render(args[used++]));
            from = at + 2;
        }
        if (used != args.length) {
            throw new IllegalArgumentException("more arguments than {} in: " + template);
        }
        return new Html(out.append(template, from, template.length()).toString());
    }

    public static Html text(Object value) {
        return new Html(escape(value == null ? "" : value.toString()));
    }

    /** A constant piece of markup from our own code. */
    public static Html raw(String trustedConstant) {
        return new Html(trustedConstant);
    }

    public static Html empty() {
        return EMPTY;
    }

    public static Html join(Collection<Html> parts) {
        StringBuilder out = new StringBuilder();
        parts.forEach(p -> out.append(p.markup));
        return new Html(out.toString());
    }

    public static Html join(Html... parts) {
        return join(List.of(parts));
    }

    public static <T> Html each(Collection<T> items, Function<T, Html> render) {
        List<Html> parts = new ArrayList<>(items.size());
        items.forEach(item -> parts.add(render.apply(item)));
        return join(parts);
    }

    /**
     * A link target that cannot run script: relative paths and http(s) URLs as given (escaped),
     * anything else (javascript:, data:, …) replaced by "#".
     */
    public static Html href(String url) {
        if (url == null) {
            return text("#");
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        boolean safe = lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("/")
                || lower.startsWith("?") || lower.startsWith("#") || !lower.matches("^[a-z][a-z0-9+.-]*:.*");
        return text(safe ? url : "#");
    }

    /** HTML-escapes text for element content and for quoted attribute values. */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String entity = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                case '`' -> "&#96;";
                default -> null;
            };
            if (entity != null || (c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(entity != null ? entity : "\uFFFD");
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static String render(Object arg) {
        if (arg instanceof Html html) {
            return html.markup;
        }
        return escape(arg == null ? "" : arg.toString());
    }

    public boolean isEmpty() {
        return markup.isEmpty();
    }

    @Override
    public String toString() {
        return markup;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Html h && h.markup.equals(markup);
    }

    @Override
    public int hashCode() {
        return markup.hashCode();
    }
}
