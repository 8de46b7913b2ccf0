package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.protocol.AwsException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A streaming reader of a {@code multipart/form-data} body, as browsers and boto3's
 * presigned POST send it: the fields before the file are read whole (S3 caps them at 20 KB),
 * the file part is handed out as a stream that ends at the next boundary, so an upload of
 * any size never sits in memory.
 */
final class FormDataReader {
    /** S3 refuses more than this of form fields before the file. */
    static final int MAX_FIELDS_BYTES = 20 * 1024;
    private static final int BUFFER = 64 * 1024;

    /** One part's headers: the form field's name and, for a file, its file name and type. */
    record PartHeaders(String name, String filename, String contentType) {
    }

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int lim;
    private boolean eof;
    private boolean atDelimiter;
    private int fieldBytes;

    FormDataReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // the body opens with "--boundary" and no CRLF before it: supply one, so that every
        // delimiter looks alike
        buf[0] = '\r';
        buf[1] = '\n';
        lim = 2;
    }

    /** The boundary of a Content-Type such as {@code multipart/form-data; boundary=xyz}, or null. */
    static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        String boundary = parameters(contentType).get("boundary");
        return boundary == null || boundary.isEmpty() || boundary.length() > 70 ? null : boundary;
    }

    static AwsException malformed() {
        return AwsException.badRequest("MalformedPOSTRequest",
                "The body of your POST request is not well-formed multipart/form-data.");
    }

    /** Moves to the next part, skipping what is left of this one; null after the closing boundary. */
    PartHeaders next() throws IOException {
        byte[] skip = new byte[8192];
        while (read(skip, 0, skip.length) >= 0) {
            // drain the current part
        }
        pos += delimiter.length;
        atDelimiter = false;
        if (!ensure(2)) {
            throw malformed();
        }
        if (buf[pos] == '-' && buf[pos + 1] == '-') {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String line = line();
        if (!line.isBlank()) {
            throw malformed();
        }
        while (!(line = line()).isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw malformed();
            }
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        Map<String, String> disposition = parameters(headers.getOrDefault("content-disposition", ""));
        String name = disposition.get("name");
        if (name == null) {
            throw malformed();
        }
        return new PartHeaders(name, disposition.get("filename"), headers.get("content-type"));
    }

    /** The current part's content as text, counted against the 20 KB S3 allows before the file. */
    String fieldValue() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        int n;
        while ((n = read(chunk, 0, chunk.length)) >= 0) {
            fieldBytes += n;
            if (fieldBytes > MAX_FIELDS_BYTES) {
                throw AwsException.badRequest("MaxPostPreDataLengthExceeded",
                        "Your POST request fields preceeding the upload file were too large.");
            }
            out.write(chunk, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The current part's content as a stream that ends where the part does. */
    InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return FormDataReader.this.read(b, off, len);
            }
        };
    }

    private int read(byte[] b, int off, int len) throws IOException {
        if (atDelimiter) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        ensure(delimiter.length);
        int found = indexOfDelimiter();
        int available;
        if (found >= 0) {
            available = found - pos;
            if (available == 0) {
                atDelimiter = true;
                return -1;
            }
        } else {
            if (eof && lim - pos < delimiter.length) {
                throw malformed();
            }
            // keep what could be the start of a delimiter split across reads
            available = lim - pos - (delimiter.length - 1);
        }
        int n = Math.min(len, available);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    private int indexOfDelimiter() {
        outer:
        for (int i = pos; i <= lim - delimiter.length; i++) {
            for (int j = 0; j < delimiter.length; j++) {
                if (buf[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Fills the buffer until {@code n} bytes are ahead or the body ends; true when they are. */
    private boolean ensure(int n) throws IOException {
        if (lim - pos >= n) {
            return true;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        while (lim < n && !eof) {
            int r = in.read(buf, lim, buf.length - lim);
            if (r < 0) {
                eof = true;
            } else {
                lim += r;
            }
        }
        return lim - pos >= n;
    }

    /** A header line; browsers send file names as UTF-8. */
    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (!ensure(1)) {
                throw malformed();
            }
            byte c = buf[pos++];
            if (c == '\r') {
                if (!ensure(1) || buf[pos++] != '\n') {
                    throw malformed();
                }
                return line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() > 8192) {
                throw malformed();
            }
            line.write(c);
        }
    }

    /** {@code type; a=b; c="d"} parameters, names lower case, quotes removed. */
    private static Map<String, String> parameters(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String piece : header.split(";")) {
            int eq = piece.indexOf('=');
            if (eq > 0) {
                String value = piece.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                out.put(piece.substring(0, eq).trim().toLowerCase(Locale.ROOT), value);
            }
        }
        return out;
    }
}
