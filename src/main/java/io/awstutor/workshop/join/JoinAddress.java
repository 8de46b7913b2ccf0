package io.awstutor.workshop.join;

import io.awstutor.workshop.Tokens;

import java.net.URI;

/** {@code http://HOST:PORT/CODE}, as the instructor's screen shows it: the server and the join code. */
public record JoinAddress(URI server, String code) {

    public static JoinAddress parse(String text) {
        URI uri;
        try {
            uri = withScheme(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a join address (like http://192.168.1.20:4566/KX4-92P)");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null || path.isEmpty() || path.contains("/")) {
            throw new IllegalArgumentException("'" + text + "' is not a join address: it is the server and the code,"
                    + " like http://192.168.1.20:4566/KX4-92P");
        }
        return new JoinAddress(URI.create(uri.getScheme() + "://" + uri.getRawAuthority()), Tokens.normalizeCode(path));
    }

    /**
     * A workshop server's address alone ({@code workshop report --from}): {@code http://HOST:PORT},
     * or {@code HOST:PORT} as people type it, taken as http.
     */
    public static URI server(String text) {
        URI uri;
        try {
            uri = withScheme(text);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + text + "' is not a workshop's address: like http://192.168.1.20:4566");
        }
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
    }

    /** The address as typed; without "://" it is taken as http (the instructor's screen shows http://). */
    private static URI withScheme(String text) {
        String trimmed = text == null ? "" : text.trim();
        return URI.create(trimmed.contains("://") ? trimmed : "http://" + trimmed);
    }
}
