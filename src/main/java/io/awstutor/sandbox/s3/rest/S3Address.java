package io.awstutor.sandbox.s3.rest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an S3 request points: the bucket and key, from the Host (virtual-hosted style:
 * {@code <bucket>.s3.localhost}, {@code <bucket>.s3.<region>.localhost},
 * {@code <bucket>.localhost}) or from the path (path style: {@code 127.0.0.1:PORT/<bucket>/<key>}).
 * A website request is either the Host {@code <bucket>.s3-website.<region>.localhost} (or
 * {@code s3-website-<region>}) or the path form {@code /_website/<bucket>/<key>}; the
 * underscore can't start a bucket name, so the path form never shadows a bucket.
 */
public record S3Address(String bucket, String key, boolean website, String websitePrefix) {
    public static final String WEBSITE_PATH = "/_website/";

    private static final Pattern WEBSITE_HOST = Pattern.compile("(.+)\\.s3-website[.-]([a-z0-9-]+)\\.localhost");
    private static final Pattern S3_HOST = Pattern.compile("(.+)\\.s3(?:\\.[a-z0-9-]+)?\\.localhost");
    private static final Pattern SERVICE_HOST = Pattern.compile("s3(?:[.-][a-z0-9-]+)?\\.localhost|localhost");
    private static final Pattern PLAIN_HOST = Pattern.compile("(.+)\\.localhost");

    public boolean hasBucket() {
        return bucket != null && !bucket.isEmpty();
    }

    public boolean hasKey() {
        return key != null && !key.isEmpty();
    }

    public static S3Address parse(String hostName, String rawPath) {
        String host = hostName == null ? "" : hostName.toLowerCase(Locale.ROOT);
        String path = decodePath(rawPath == null || rawPath.isEmpty() ? "/" : rawPath);
        Matcher website = WEBSITE_HOST.matcher(host);
        if (website.matches()) {
            return new S3Address(website.group(1), stripSlash(path), true, "/");
        }
        if (path.startsWith(WEBSITE_PATH)) {
            String rest = path.substring(WEBSITE_PATH.length());
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String key = slash < 0 ? "" : rest.substring(slash + 1);
            return new S3Address(bucket, key, true, WEBSITE_PATH + bucket + "/");
        }
        if (!SERVICE_HOST.matcher(host).matches()) {
            Matcher virtual = S3_HOST.matcher(host);
            if (virtual.matches()) {
                return new S3Address(virtual.group(1), stripSlash(path), false, null);
            }
            Matcher plain = PLAIN_HOST.matcher(host);
            if (plain.matches()) {
                return new S3Address(plain.group(1), stripSlash(path), false, null);
            }
        }
        String rest = stripSlash(path);
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return new S3Address(rest, "", false, null);
        }
        return new S3Address(rest.substring(0, slash), rest.substring(slash + 1), false, null);
    }

    private static String stripSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** Percent-decoding of a path: '+' stays '+', invalid escapes stay as they are. */
    static String decodePath(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
                bytes = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                i++;
            }
            out.write(bytes, 0, bytes.length);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
