package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.AwsException;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Key generation and the key formats EC2 uses: a new RSA key comes back as a PKCS#1 PEM, a
 * new ED25519 key in OpenSSH's format; public keys are stored in OpenSSH's one-line form.
 * Fingerprints follow AWS: SHA-1 of the private key for created RSA keys, MD5 of the public
 * key for imported RSA keys, SHA-256 (base64) for ED25519.
 */
final class KeyMaterial {
    /** A generated key; {@code privateKeyPem} is handed to the caller once and never kept. */
    record Generated(String publicKey, String fingerprint, String privateKeyPem) {
        @Override
        public String toString() {
            return "Generated[publicKey=" + publicKey + ", fingerprint=" + fingerprint + ", privateKeyPem=<hidden>]";
        }
    }

    record Imported(String type, String publicKey, String fingerprint) {
    }

    private KeyMaterial() {
    }

    static Generated generate(String type, String comment) {
        try {
            if (type.equals("ed25519")) {
                java.security.KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                byte[] x509 = pair.getPublic().getEncoded();
                byte[] pub = Arrays.copyOfRange(x509, x509.length - 32, x509.length);
                byte[] pkcs8 = pair.getPrivate().getEncoded();
                byte[] seed = Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
                byte[] blob = ed25519Blob(pub);
                return new Generated("ssh-ed25519 " + Base64.getEncoder().encodeToString(blob) + " " + comment,
                        sha256Base64(blob), opensshPrivate(blob, pub, seed, comment));
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            java.security.KeyPair pair = generator.generateKeyPair();
            RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            byte[] blob = rsaBlob(publicKey.getPublicExponent(), publicKey.getModulus());
            String fingerprint = colonHex(MessageDigest.getInstance("SHA-1").digest(pkcs8));
            return new Generated("ssh-rsa " + Base64.getEncoder().encodeToString(blob) + " " + comment,
                    fingerprint, pem("RSA PRIVATE KEY", pkcs1(pkcs8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("key generation failed", e);
        }
    }

    /** Reads an OpenSSH public key line ("ssh-rsa AAAA… comment"). */
    static Imported parsePublic(byte[] material) {
        String text = new String(material, StandardCharsets.UTF_8).trim();
        String[] parts = text.split("\\s+");
        try {
            if (parts.length >= 2 && (parts[0].equals("ssh-rsa") || parts[0].equals("ssh-ed25519"))) {
                byte[] blob = Base64.getDecoder().decode(parts[1]);
                String declared = new String(readString(blob, 0), StandardCharsets.US_ASCII);
                if (declared.equals(parts[0])) {
                    boolean rsa = parts[0].equals("ssh-rsa");
                    String fingerprint = rsa ? colonHex(MessageDigest.getInstance("MD5").digest(blob)) : sha256Base64(blob);
                    return new Imported(rsa ? "rsa" : "ed25519", parts[0] + " " + parts[1], fingerprint);
                }
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException | GeneralSecurityException e) {
            // falls through to AWS's answer
        }
        throw AwsException.badRequest("InvalidKey.Format", "Key is not in valid OpenSSH public key format");
    }

    private static byte[] readString(byte[] data, int offset) {
        int length = ((data[offset] & 255) << 24) | ((data[offset + 1] & 255) << 16) | ((data[offset + 2] & 255) << 8) | (data[offset + 3] & 255);
        return Arrays.copyOfRange(data, offset + 4, offset + 4 + length);
    }

    private static byte[] rsaBlob(BigInteger exponent, BigInteger modulus) {
        SshBuffer buffer = new SshBuffer();
        buffer.string("ssh-rsa".getBytes(StandardCharsets.US_ASCII));
        buffer.string(exponent.toByteArray());
        buffer.string(modulus.toByteArray());
        return buffer.bytes();
    }

    private static byte[] ed25519Blob(byte[] pub) {
        SshBuffer buffer = new SshBuffer();
        buffer.string("ssh-ed25519".getBytes(StandardCharsets.US_ASCII));
        buffer.string(pub);
        return buffer.bytes();
    }

    private static String opensshPrivate(byte[] blob, byte[] pub, byte[] seed, String comment) {
        SshBuffer inner = new SshBuffer();
        int check = new java.security.SecureRandom().nextInt();
        inner.int32(check).int32(check);
        inner.string("ssh-ed25519".getBytes(StandardCharsets.US_ASCII));
        inner.string(pub);
        byte[] secret = new byte[64];
        System.arraycopy(seed, 0, secret, 0, 32);
        System.arraycopy(pub, 0, secret, 32, 32);
        inner.string(secret);
        inner.string(comment.getBytes(StandardCharsets.UTF_8));
        for (int pad = 1; inner.size() % 8 != 0; pad++) {
            inner.raw(new byte[] {(byte) pad});
        }
        SshBuffer outer = new SshBuffer();
        outer.raw("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII));
        outer.string("none".getBytes(StandardCharsets.US_ASCII)).string("none".getBytes(StandardCharsets.US_ASCII)).string(new byte[0]);
        outer.int32(1).string(blob).string(inner.bytes());
        return pem("OPENSSH PRIVATE KEY", outer.bytes());
    }

    /** The RSAPrivateKey inside a PKCS#8 PrivateKeyInfo: the content of its last OCTET STRING. */
    private static byte[] pkcs1(byte[] pkcs8) {
        int[] pos = {0};
        header(pkcs8, pos);                       // PrivateKeyInfo SEQUENCE: step inside
        int version = header(pkcs8, pos);         // version INTEGER: skip
        pos[0] += version;
        int algorithm = header(pkcs8, pos);       // AlgorithmIdentifier SEQUENCE: skip
        pos[0] += algorithm;
        int length = header(pkcs8, pos);          // privateKey OCTET STRING: the PKCS#1 key
        return Arrays.copyOfRange(pkcs8, pos[0], pos[0] + length);
    }

    private static int header(byte[] der, int[] pos) {
        pos[0]++;
        int first = der[pos[0]++] & 255;
        if (first < 128) {
            return first;
        }
        int length = 0;
        for (int i = 0; i < (first & 127); i++) {
            length = (length << 8) | (der[pos[0]++] & 255);
        }
        return length;
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----";
    }

    private static String colonHex(byte[] digest) {
        return HexFormat.ofDelimiter(":").formatHex(digest);
    }

    private static String sha256Base64(byte[] blob) throws GeneralSecurityException {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(blob));
    }

    private static final class SshBuffer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        SshBuffer int32(int value) {
            out.write(value >>> 24);
            out.write(value >>> 16);
            out.write(value >>> 8);
            out.write(value);
            return this;
        }

        SshBuffer string(byte[] value) {
            int32(value.length);
            out.writeBytes(value);
            return this;
        }

        SshBuffer raw(byte[] value) {
            out.writeBytes(value);
            return this;
        }

        int size() {
            return out.size();
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
