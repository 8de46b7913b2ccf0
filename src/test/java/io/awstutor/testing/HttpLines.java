package io.awstutor.testing;

import java.io.IOException;
import java.io.InputStream;

/** HTTP/1.1's lines, read off a raw socket by the benches' bare servers. */
public final class HttpLines {
    private HttpLines() {
    }

    /** One CRLF-ended line, without its end (a bare LF ends one too); null at the end of the stream. */
    public static String readLine(InputStream in, StringBuilder line) throws IOException {
        line.setLength(0);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int end = line.length();
                return line.substring(0, end > 0 && line.charAt(end - 1) == '\r' ? end - 1 : end);
            }
            line.append((char) c);
        }
        return null;
    }
}
