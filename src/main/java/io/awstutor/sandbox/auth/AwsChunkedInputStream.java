package io.awstutor.sandbox.auth;

import io.awstutor.sandbox.protocol.AwsException;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes an {@code aws-chunked} body as it is read, never holding more than one header line:
 * {@code hex-size[;chunk-signature=sig]\r\n data \r\n} … {@code 0[;chunk-signature=sig]\r\n},
 * then optional trailing headers ({@code x-amz-checksum-crc32:…}, {@code x-amz-trailer-signature:…})
 * and a blank line. With a {@link ChunkSigner}, every chunk signature (and the trailer
 * signature, when trailers are expected) is checked; a wrong one fails the read with S3's
 * SignatureDoesNotMatch before the stream reports its end, so a consumer never commits a
 * body it did not fully verify. Trailers land in the given map once the last chunk is read.
 */
public final class AwsChunkedInputStream extends InputStream {
    private static final int MAX_LINE = 8192;

    private final InputStream in;
    private final Optional<ChunkSigner> signer;
    private final boolean signedTrailer;
    private final Map<String, String> trailers;
    private final long declaredLength;
    private long remainingInChunk;
    private String expectedChunkSignature;
    private MessageDigest chunkDigest;
    private long decoded;
    private boolean finished;

    /**
     * @param signer         verifies chunk signatures; empty for unsigned chunks
     * @param signedTrailer  whether the trailer carries x-amz-trailer-signature to verify
     * @param declaredLength x-amz-decoded-content-length, or -1 when not sent
     */
    public AwsChunkedInputStream(InputStream in, Optional<ChunkSigner> signer, boolean signedTrailer,
                                 Map<String, String> trailers, long declaredLength) {
        this.in = in;
        this.signer = signer;
        this.signedTrailer = signedTrailer;
        this.trailers = trailers;
        this.declaredLength = declaredLength;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (remainingInChunk == 0) {
            if (finished) {
                return -1;
            }
            startChunk();
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remainingInChunk));
        if (n < 0) {
            throw incomplete("the body ended inside a chunk");
        }
        if (chunkDigest != null) {
            chunkDigest.update(buffer, offset, n);
        }
        remainingInChunk -= n;
        decoded += n;
        if (remainingInChunk == 0) {
            endChunk();
        }
        return n;
    }

    private void startChunk() throws IOException {
        String header = readLine();
        if (header == null) {
            throw incomplete("the body ended before its last (zero-length) chunk");
        }
        String sizeText = header;
        String signature = null;
        int semi = header.indexOf(';');
        if (semi >= 0) {
            sizeText = header.substring(0, semi);
            String extension = header.substring(semi + 1).trim();
            if (extension.startsWith("chunk-signature=")) {
                signature = extension.substring("chunk-signature=".length());
            }
        }
        long size;
        try {
            size = Long.parseLong(sizeText.trim(), 16);
        } catch (NumberFormatException e) {
            throw framing("chunk size '" + abbreviate(sizeText) + "' is not a hexadecimal number");
        }
        if (size < 0) {
            throw framing("negative chunk size");
        }
        if (signer.isPresent() && signature == null) {
            throw framing("chunk has no chunk-signature extension");
        }
        expectedChunkSignature = signature;
        if (signer.isPresent()) {
            chunkDigest = SigV4.sha256();
        }
        remainingInChunk = size;
        if (size == 0) {
            verifyChunk();
            readTrailers();
            finished = true;
            if (declaredLength >= 0 && decoded != declaredLength) {
                throw incomplete("decoded " + decoded + " bytes but x-amz-decoded-content-length said " + declaredLength);
            }
        }
    }

    private void endChunk() throws IOException {
        verifyChunk();
        int cr = in.read();
        int lf = in.read();
        if (cr != '\r' || lf != '\n') {
            throw framing("chunk data is not followed by CRLF");
        }
    }

    private void verifyChunk() {
        if (signer.isEmpty()) {
            return;
        }
        String expected = signer.get().nextChunk(chunkDigest.digest());
        if (!SigV4.sameSignature(expected, expectedChunkSignature)) {
            throw new AwsException("SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided. "
                            + "Check your key and signing method.", 403)
                    .with("Detail", "chunk signature mismatch after " + decoded + " decoded bytes");
        }
    }

    private void readTrailers() throws IOException {
        String trailerSignature = null;
        while (true) {
            String line = readLine();
            if (line == null || line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw framing("trailing header line without a colon");
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if ("x-amz-trailer-signature".equals(name)) {
                trailerSignature = value;
            } else {
                trailers.put(name, value);
            }
        }
        if (signedTrailer && signer.isPresent()) {
            if (trailerSignature == null) {
                throw framing("the trailer has no x-amz-trailer-signature");
            }
            String expected = signer.get().trailer(trailers);
            if (!SigV4.sameSignature(expected, trailerSignature)) {
                throw new AwsException("SignatureDoesNotMatch",
                        "The request signature we calculated does not match the signature you provided. "
                                + "Check your key and signing method.", 403)
                        .with("Detail", "trailer signature mismatch");
            }
        }
    }

    /** A CRLF-terminated line without its CRLF; null at end of stream before any byte. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                return line.length() == 0 ? null : line.toString();
            }
            if (c == '\r') {
                int lf = in.read();
                if (lf != '\n') {
                    throw framing("CR not followed by LF");
                }
                return line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw framing("chunk header longer than " + MAX_LINE + " bytes");
            }
            line.append((char) c);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static String abbreviate(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }

    private static AwsException framing(String why) {
        return AwsException.badRequest("InvalidRequest", "Malformed aws-chunked body: " + why + ".");
    }

    private static AwsException incomplete(String why) {
        return AwsException.badRequest("IncompleteBody",
                "You did not provide the number of bytes specified by the Content-Length HTTP header (" + why + ").");
    }
}
