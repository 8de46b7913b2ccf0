package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.protocol.Arns;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bucket's live state. Keys are kept sorted in UTF-8 byte order (code point order, which
 * is what S3 lists in; Java's UTF-16 order differs for characters above U+FFFF). Writers
 * take {@link #lock} only to commit metadata; bodies are streamed to disk before it.
 */
public final class Bucket {
    public static final Comparator<String> KEY_ORDER = Bucket::compareCodePoints;

    private final String name;
    private volatile BucketConfig config;
    private final ConcurrentSkipListMap<String, KeyHistory> keys = new ConcurrentSkipListMap<>(KEY_ORDER);
    private final Map<String, MultipartUpload> uploads = new ConcurrentHashMap<>();
    final ReentrantLock lock = new ReentrantLock();

    Bucket(BucketConfig config) {
        this.name = config.name();
        this.config = config;
    }

    public String name() {
        return name;
    }

    public BucketConfig config() {
        return config;
    }

    void setConfig(BucketConfig next) {
        this.config = next;
    }

    ConcurrentSkipListMap<String, KeyHistory> keys() {
        return keys;
    }

    Map<String, MultipartUpload> uploads() {
        return uploads;
    }

    public String owner() {
        return config.ownerAccount();
    }

    public String arn() {
        return Arns.s3(name);
    }

    public String objectArn(String key) {
        return Arns.s3(name + "/" + key);
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
