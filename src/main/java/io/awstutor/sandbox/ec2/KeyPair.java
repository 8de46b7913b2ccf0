package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.Arns;
import java.time.Instant;

/**
 * A key pair as EC2 keeps it: the public half only. The private key of CreateKeyPair is
 * returned once and never stored.
 */
public record KeyPair(String id, String name, String type, String fingerprint, String publicKey, Instant createTime) {

    public String arn(String region, String accountId) {
        return Arns.regional("ec2", region, accountId, "key-pair/" + name);
    }
}
