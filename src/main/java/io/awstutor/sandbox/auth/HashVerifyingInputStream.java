package io.awstutor.sandbox.auth;

import io.awstutor.sandbox.protocol.AwsException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Checks a streamed body against the SHA-256 its request signed (S3's literal
 * x-amz-content-sha256), as the stream ends: the last read fails with
 * XAmzContentSHA256Mismatch instead of reporting the end, so nothing unverified is committed.
 */
public final class HashVerifyingInputStream extends FilterInputStream {
    private final MessageDigest digest = SigV4.sha256();
    private final String expectedHex;
    private boolean checked;

    public HashVerifyingInputStream(InputStream in, String expectedHex) {
        super(in);
        this.expectedHex = expectedHex.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c < 0) {
            check();
        } else {
            digest.update((byte) c);
        }
        return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
            check();
        } else {
            digest.update(b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipping would bypass the digest; read and discard instead
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void check() {
        if (checked) {
            return;
        }
        checked = true;
        String actual = SigV4.hex(digest.digest());
        if (!actual.equals(expectedHex)) {
            throw AwsException.badRequest("XAmzContentSHA256Mismatch",
                            "The provided 'x-amz-content-sha256' header does not match what was computed.")
                    .with("ClientComputedContentSHA256", expectedHex)
                    .with("S3ComputedContentSHA256", actual);
        }
    }
}
