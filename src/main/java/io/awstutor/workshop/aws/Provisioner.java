package io.awstutor.workshop.aws;

import io.awstutor.target.ClientFactory;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Tag;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code awstutor workshop provision}: in a real account (or the sandbox, where IAM enforces the
 * same rules), one policy for the workshop and, per learner, an IAM user confined by it as a
 * permissions boundary, tagged with the workshop's tag, with an access key and a console
 * password that must be reset at first sign-in.
 */
public final class Provisioner {
    public static final String TAG_KEY = "awstutor-workshop";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ClientFactory clients;
    private final Consumer<String> report;

    public Provisioner(ClientFactory clients, Consumer<String> report) {
        this.clients = clients;
        this.report = report;
    }

    public static String policyName(String tag) {
        return "awstutor-workshop-" + tag;
    }

    /** {@code ws-} and the name in lower-case letters and digits: "Ana María" is ws-ana-maria. */
    public static String userName(String learner) {
        String plain = Normalizer.normalize(learner, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (plain.isEmpty()) {
            throw new IllegalArgumentException("the learner name '" + learner + "' has no letters or digits to name a user after");
        }
        return "ws-" + (plain.length() > 30 ? plain.substring(0, 30).replaceAll("-+$", "") : plain);
    }

    public List<ProvisionedLearner> provision(String tag, String region, List<String> instanceTypes, List<String> learners) {
        if (!tag.matches("[a-z0-9-]{1,32}")) {
            throw new IllegalArgumentException("the workshop tag is 1-32 lower-case letters, digits or '-': " + tag);
        }
        Set<String> users = new HashSet<>();
        for (String learner : learners) {
            if (!users.add(userName(learner))) {
                throw new IllegalArgumentException("two learners would share the user " + userName(learner) + "; make their names differ");
            }
        }
        try (IamClient iam = clients.iam()) {
            String account = clients.sts().getCallerIdentity().account();
            String policyArn = "arn:aws:iam::" + account + ":policy/" + policyName(tag);
            iam.createPolicy(b -> b.policyName(policyName(tag))
                    .description("awstutor workshop " + tag + ": each learner's permissions and boundary")
                    .policyDocument(BoundaryPolicy.document(policyArn, region, instanceTypes))
                    .tags(Tag.builder().key(TAG_KEY).value(tag).build()));
            report.accept("created policy " + policyName(tag) + " (the learners' permissions and boundary)");
            List<ProvisionedLearner> provisioned = new ArrayList<>();
            for (String learner : learners) {
                String user = userName(learner);
                try {
                    iam.createUser(b -> b.userName(user).permissionsBoundary(policyArn)
                            .tags(Tag.builder().key(TAG_KEY).value(tag).build(), Tag.builder().key("learner").value(tagValue(learner)).build()));
                    iam.attachUserPolicy(b -> b.userName(user).policyArn(policyArn));
                    var key = iam.createAccessKey(b -> b.userName(user)).accessKey();
                    String password = password();
                    iam.createLoginProfile(b -> b.userName(user).password(password).passwordResetRequired(true));
                    provisioned.add(new ProvisionedLearner(learner, user, key.accessKeyId(), key.secretAccessKey(), password));
                } catch (RuntimeException e) {
                    // the secret keys of the users made so far exist nowhere else: they must still reach the cards
                    throw new Incomplete(learner, provisioned, e);
                }
                report.accept("created user " + user + " for " + learner);
            }
            return provisioned;
        }
    }

    /** The learner's name as an IAM tag value may hold it ({@code <}, {@code >}, quotes … are refused by IAM). */
    static String tagValue(String learner) {
        String value = learner.replaceAll("[^\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]", "_");
        return value.length() > 256 ? value.substring(0, 256) : value;
    }

    /** Provisioning stopped at one learner; those before it were made, with keys that exist only here. */
    public static final class Incomplete extends RuntimeException {
        private final transient List<ProvisionedLearner> made;

        Incomplete(String learner, List<ProvisionedLearner> made, RuntimeException cause) {
            super("provisioning stopped at " + learner + ": " + cause.getMessage(), cause);
            this.made = List.copyOf(made);
        }

        public List<ProvisionedLearner> made() {
            return made;
        }
    }

    /** 20 characters from every class a password policy may require. */
    static String password() {
        String[] classes = {"ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "!@#%^*-_=+"};
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            String from = classes[i % classes.length];
            password.append(from.charAt(RANDOM.nextInt(from.length())));
        }
        List<Character> chars = new ArrayList<>();
        password.chars().forEach(c -> chars.add((char) c));
        java.util.Collections.shuffle(chars, RANDOM);
        StringBuilder shuffled = new StringBuilder();
        chars.forEach(shuffled::append);
        return shuffled.toString();
    }
}
