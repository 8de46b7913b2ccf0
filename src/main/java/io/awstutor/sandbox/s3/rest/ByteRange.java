package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.protocol.AwsException;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A single HTTP byte range resolved against an object's size. Like S3, a header it can't
 * parse (or a multi-range one) is ignored and the whole object is sent; a well-formed range
 * outside the object is 416 InvalidRange.
 */
record ByteRange(long first, long last) {
    private static final Pattern SPEC = Pattern.compile("bytes=(\\d*)-(\\d*)");

    long length() {
        return last - first + 1;
    }

    static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SPEC.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || size == 0) {
                    throw unsatisfiable(header, size);
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first) {
                return Optional.empty();
            }
            if (first >= size) {
                throw unsatisfiable(header, size);
            }
            return Optional.of(new ByteRange(first, last));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static AwsException unsatisfiable(String header, long size) {
        return new AwsException("InvalidRange", "The requested range is not satisfiable", 416)
                .with("RangeRequested", header).with("ActualObjectSize", String.valueOf(size))
                .withHeader("Content-Range", "bytes */" + size);
    }
}
