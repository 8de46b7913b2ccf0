package io.awstutor.web.console;

import io.awstutor.web.WebException;
import io.awstutor.web.WebRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's {@code multipart/form-data} upload form: its text fields and one file. The body
 * is read whole, up to {@value #MAX_BYTES} bytes (a console upload is a learner's file; the
 * SDK's multipart upload is the way for large ones).
 */
record MultipartForm(Map<String, String> fields, Optional<FilePart> file) {
    static final int MAX_BYTES = 32 * 1024 * 1024;
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

    record FilePart(String field, String fileName, String contentType, byte[] content) {
    }

    static MultipartForm read(WebRequest request) throws IOException {
        String type = request.header("content-type").orElse("");
        Matcher boundary = BOUNDARY.matcher(type);
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data") || !boundary.find()) {
            throw new WebException(400, "An upload is sent as multipart/form-data.");
        }
        byte[] body = request.body().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            throw new WebException(413, "The console uploads files up to " + MAX_BYTES / (1024 * 1024)
                    + " MiB; use the SDK (a multipart upload) for larger ones.");
        }
        byte[] delimiter = ("--" + boundary.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, String> fields = new LinkedHashMap<>();
        FilePart file = null;
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 2 <= body.length && body[start] == '-' && body[start + 1] == '-') {
                break;
            }
            start += 2; // CRLF after the delimiter
            int next = indexOf(body, delimiter, start);
            if (next < 0) {
                throw new WebException(400, "The upload ended before its last part.");
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            if (headersEnd < 0 || headersEnd > next) {
                throw new WebException(400, "A part of the upload has no headers.");
            }
            String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
            int contentStart = headersEnd + 4;
            int contentEnd = Math.max(contentStart, next - 2); // the CRLF before the next delimiter
            Matcher name = NAME.matcher(headers);
            Matcher fileName = FILENAME.matcher(headers);
            if (name.find()) {
                if (fileName.find()) {
                    String contentType = headers.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
                            .map(l -> l.substring(13).strip()).findFirst().orElse("application/octet-stream");
                    byte[] content = java.util.Arrays.copyOfRange(body, contentStart, contentEnd);
                    file = new FilePart(name.group(1), fileName.group(1), contentType, content);
                } else {
                    fields.put(name.group(1), new String(body, contentStart, contentEnd - contentStart, StandardCharsets.UTF_8));
                }
            }
            at = next;
        }
        return new MultipartForm(fields, Optional.ofNullable(file));
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
