package io.awstutor.sandbox.protocol;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A small streaming XML builder for response documents. Text and attribute values are
 * escaped; element names are the caller's constants. Usage:
 * <pre>{@code new XmlWriter().start("GetUserResponse", NS).start("GetUserResult")...end().end().toString()}</pre>
 */
public final class XmlWriter {
    private final StringBuilder out = new StringBuilder(256);
    private final java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();

    public XmlWriter() {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    private XmlWriter(boolean declaration) {
        if (declaration) {
            out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        }
    }

    /** A writer for a piece of a document (no XML declaration), to be {@link #append}ed. */
    public static XmlWriter fragment() {
        return new XmlWriter(false);
    }

    /** Appends a finished fragment. */
    public XmlWriter append(XmlWriter fragment) {
        out.append(fragment.toString());
        return this;
    }

    /** XML that a service keeps as text (a document it was sent and echoes back), appended unchanged. */
    public XmlWriter raw(String xml) {
        out.append(xml);
        return this;
    }

    public boolean isEmpty() {
        return out.length() == 0;
    }

    /** Opens an element with an xmlns attribute. */
    public XmlWriter start(String name, String namespace) {
        out.append('<').append(name);
        if (namespace != null) {
            out.append(" xmlns=\"").append(escape(namespace)).append('"');
        }
        out.append('>');
        open.push(name);
        return this;
    }

    public XmlWriter start(String name) {
        return start(name, null);
    }

    public XmlWriter end() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** A leaf element; skipped when the value is null (AWS omits absent members). */
    public XmlWriter element(String name, Object value) {
        if (value == null) {
            return this;
        }
        String text = value instanceof Instant instant ? timestamp(instant) : String.valueOf(value);
        out.append('<').append(name).append('>').append(escape(text)).append("</").append(name).append('>');
        return this;
    }

    /** An empty element: {@code <Name/>}. */
    public XmlWriter empty(String name) {
        out.append('<').append(name).append("/>");
        return this;
    }

    /** The query protocol's trailer: {@code <ResponseMetadata><RequestId>…}. */
    public XmlWriter responseMetadata(String requestId) {
        return start("ResponseMetadata").element("RequestId", requestId).end();
    }

    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }

    /** ISO-8601 with milliseconds and Z, as AWS's XML protocols write timestamps. */
    public static String timestamp(Instant instant) {
        String text = DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
        // ISO_INSTANT leaves out a zero fraction; after the truncation any other one is ".SSS"
        // (no regular expression: this runs for every timestamp of every XML answer)
        return text.charAt(text.length() - 5) == '.' ? text : text.substring(0, text.length() - 1) + ".000Z";
    }

    public static String escape(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String rep = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                case '\r' -> "&#13;";
                default -> null;
            };
            if (rep != null) {
                if (sb == null) {
                    sb = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                sb.append(rep);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }
}
