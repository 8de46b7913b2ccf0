package io.awstutor.workshop.aws;

/**
 * A learner's IAM user in a real account: the name, the user (also the prefix of everything
 * they may create), an access key and a console password they must change at first sign-in.
 */
public record ProvisionedLearner(String name, String userName, String accessKeyId, String secretAccessKey, String password) {
    /** Never the secret or the password. */
    @Override
    public String toString() {
        return "ProvisionedLearner[" + name + ", " + userName + ", " + accessKeyId + "]";
    }
}
