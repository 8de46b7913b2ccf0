package io.awstutor.sandbox.s3.blob;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Reads a byte range across an object's segments, one open segment (bytes or file) at a time. */
final class SegmentInputStream extends InputStream {
    private final BlobStore store;
    private final List<BlobSegment> segments;
    private long skip;
    private long remaining;
    private int index;
    private InputStream current;
    private long currentLeft;

    SegmentInputStream(BlobStore store, List<BlobSegment> segments, long from, long length) {
        this.store = store;
        this.segments = segments;
        this.skip = from;
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        while (current == null || currentLeft == 0) {
            if (current != null) {
                current.close();
                current = null;
            }
            if (index >= segments.size()) {
                return -1;
            }
            BlobSegment segment = segments.get(index++);
            if (skip >= segment.size()) {
                skip -= segment.size();
                continue;
            }
            current = store.openSegment(segment, skip);
            currentLeft = segment.size() - skip;
            skip = 0;
        }
        int want = (int) Math.min(len, Math.min(currentLeft, remaining));
        int n = current.read(b, off, want);
        if (n < 0) {
            throw new IOException("blob shorter than recorded");
        }
        currentLeft -= n;
        remaining -= n;
        return n;
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
        }
    }
}
