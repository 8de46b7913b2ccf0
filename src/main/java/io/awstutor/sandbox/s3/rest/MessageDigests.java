package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.s3.blob.ChecksumAlgorithm;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/** Integrity checks of small in-memory request documents (DeleteObjects). */
final class MessageDigests {
    private MessageDigests() {
    }

    static void verify(byte[] body, byte[] md5, Map<ChecksumAlgorithm, String> expected) {
        if (md5 != null) {
            try {
                byte[] actual = MessageDigest.getInstance("MD5").digest(body);
                if (!Arrays.equals(actual, md5)) {
                    throw AwsException.badRequest("BadDigest", "The Content-MD5 you specified did not match what we received.");
                }
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        for (Map.Entry<ChecksumAlgorithm, String> e : expected.entrySet()) {
            ChecksumAlgorithm.Hasher hasher = e.getKey().newHasher();
            hasher.update(body, 0, body.length);
            if (!hasher.base64().equals(e.getValue())) {
                throw AwsException.badRequest("BadDigest", "The " + e.getKey().name()
                        + " you specified did not match the calculated checksum.");
            }
        }
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
