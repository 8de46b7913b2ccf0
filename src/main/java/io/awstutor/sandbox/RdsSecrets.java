package io.awstutor.sandbox;

import io.awstutor.sandbox.protocol.Arns;
import io.awstutor.sandbox.protocol.JsonCodec;
import io.awstutor.sandbox.rds.MasterUserSecrets;
import io.awstutor.sandbox.secretsmanager.SecretsManagerBackend;

import java.util.Map;
import java.util.UUID;

/**
 * RDS's managed master passwords kept in Secrets Manager: the secret RDS makes holds
 * {@code {"username":…,"password":…}}, is owned by the "rds" service, and is encrypted by the
 * account's default Secrets Manager key unless the caller named one.
 */
final class RdsSecrets implements MasterUserSecrets {
    private final SecretsManagerBackend secrets;

    RdsSecrets(SecretsManagerBackend secrets) {
        this.secrets = secrets;
    }

    @Override
    public Created create(String account, String region, String name, String description, String username, String password,
                          String kmsKeyId, Map<String, String> tags) {
        String value = JsonCodec.write(JsonCodec.object().put("username", username).put("password", password));
        String key = kmsKeyId != null ? kmsKeyId : Arns.regional("kms", region, account, "key/"
                + UUID.nameUUIDFromBytes(("aws/secretsmanager " + account + " " + region).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        SecretsManagerBackend.Value created = secrets.create(account, region, new SecretsManagerBackend.NewSecret(name, description,
                key, value, null, null, tags, "rds"));
        return new Created(created.secret().arn(), key);
    }

    @Override
    public void delete(String account, String region, String arn) {
        try {
            secrets.delete(account, region, arn, null, true);
        } catch (io.awstutor.sandbox.protocol.AwsException gone) {
            // deleted already (by the learner): nothing left to do
        }
    }
}
