package io.awstutor.sandbox.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * ListObjects (v1 and v2) and ListObjectVersions. Folders are only key prefixes: with a
 * delimiter, keys sharing a prefix up to the delimiter roll up into one CommonPrefix, and
 * the scan jumps past the whole group instead of walking it (a folder of a million keys
 * costs one step).
 */
public final class ObjectListing {

    ObjectListing(S3Backend backend) {
    }

    /** One listed entry: an object, or a common prefix (object null). */
    public record Entry(String key, S3Object object) {
        public boolean isPrefix() {
            return object == null;
        }
    }

    /** A page: entries in key order, whether more follow, and the last key or prefix on it. */
    public record Page(List<S3Object> objects, List<String> commonPrefixes, boolean truncated, String last) {
    }

    /** Lists current objects after {@code after} (exclusive; null from the start). */
    public Page list(Bucket bucket, String prefix, String delimiter, String after, int maxKeys) {
        String p = prefix == null ? "" : prefix;
        String d = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        List<S3Object> objects = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String last = null;
        NavigableMap<String, KeyHistory> keys = bucket.keys();
        String cursor = start(p, after);
        boolean inclusive = after == null || Bucket.KEY_ORDER.compare(cursor, after) > 0;
        Map.Entry<String, KeyHistory> e = inclusive ? keys.ceilingEntry(cursor) : keys.higherEntry(cursor);
        int count = 0;
        while (e != null && e.getKey().startsWith(p)) {
            String key = e.getKey();
            if (d != null) {
                int at = key.indexOf(d, p.length());
                if (at >= 0) {
                    String common = key.substring(0, at + d.length());
                    if (after == null || Bucket.KEY_ORDER.compare(common, after) > 0) {
                        if (count == maxKeys) {
                            return new Page(objects, prefixes, true, last);
                        }
                        prefixes.add(common);
                        last = common;
                        count++;
                    }
                    e = keys.ceilingEntry(successor(common));
                    continue;
                }
            }
            if (e.getValue().current().isPresent()) {
                if (count == maxKeys) {
                    return new Page(objects, prefixes, true, last);
                }
                objects.add(e.getValue().current().get());
                last = key;
                count++;
            }
            e = keys.higherEntry(key);
        }
        return new Page(objects, prefixes, false, last);
    }

    private static String start(String prefix, String after) {
        if (after == null) {
            return prefix;
        }
        return Bucket.KEY_ORDER.compare(after, prefix) >= 0 ? after : prefix;
    }

    /** The smallest string greater than every string that starts with {@code s}. */
    static String successor(String s) {
        int last = s.codePointBefore(s.length());
        String head = s.substring(0, s.length() - Character.charCount(last));
        if (last == Character.MAX_CODE_POINT) {
            return s + '\u0000';
        }
        return head + new String(Character.toChars(last + 1));
    }

    /** A page of versions: keys ascending, each key's versions newest first. */
    public record VersionPage(List<S3Object> versions, List<String> commonPrefixes, boolean truncated,
                              String nextKeyMarker, String nextVersionIdMarker) {
    }

    public VersionPage versions(Bucket bucket, String prefix, String delimiter, String keyMarker,
                                String versionIdMarker, int maxKeys) {
        String p = prefix == null ? "" : prefix;
        String d = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        List<S3Object> out = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        NavigableMap<String, KeyHistory> keys = bucket.keys();
        String cursor = start(p, keyMarker);
        Map.Entry<String, KeyHistory> e = keys.ceilingEntry(cursor);
        int count = 0;
        while (e != null && e.getKey().startsWith(p)) {
            String key = e.getKey();
            if (d != null) {
                int at = key.indexOf(d, p.length());
                if (at >= 0) {
                    String common = key.substring(0, at + d.length());
                    if (keyMarker == null || Bucket.KEY_ORDER.compare(common, keyMarker) > 0) {
                        if (count == maxKeys) {
                            return new VersionPage(out, prefixes, true, lastKey(out, prefixes), lastVersion(out, prefixes));
                        }
                        prefixes.add(common);
                        count++;
                    }
                    e = keys.ceilingEntry(successor(common));
                    continue;
                }
            }
            boolean skipping = keyMarker != null && key.equals(keyMarker);
            if (skipping && (versionIdMarker == null || versionIdMarker.isEmpty())) {
                e = keys.higherEntry(key);
                continue;
            }
            for (S3Object v : e.getValue().versions()) {
                if (skipping) {
                    if (v.versionId().equals(versionIdMarker)) {
                        skipping = false;
                    }
                    continue;
                }
                if (count == maxKeys) {
                    return new VersionPage(out, prefixes, true, lastKey(out, prefixes), lastVersion(out, prefixes));
                }
                out.add(v);
                count++;
            }
            e = keys.higherEntry(key);
        }
        return new VersionPage(out, prefixes, false, null, null);
    }

    private static String lastKey(List<S3Object> versions, List<String> prefixes) {
        String a = versions.isEmpty() ? null : versions.get(versions.size() - 1).key();
        String b = prefixes.isEmpty() ? null : prefixes.get(prefixes.size() - 1);
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return Bucket.KEY_ORDER.compare(a, b) >= 0 ? a : b;
    }

    private static String lastVersion(List<S3Object> versions, List<String> prefixes) {
        String key = lastKey(versions, prefixes);
        if (!versions.isEmpty() && versions.get(versions.size() - 1).key().equals(key)) {
            return versions.get(versions.size() - 1).versionId();
        }
        return null;
    }
}
