package io.awstutor.workshop.join;

import io.awstutor.workshop.Tokens;

import java.net.URI;

/** {@code http://HOST:PORT/CODE}, as the instructor's screen shows it: the server and the join code. */
public record JoinAddress(URI server, String code) {

    public static JoinAddress parse(String text) {
        URI uri;
        try {
            uri = URI.create(text == null ? "" : text.trim());
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
}
