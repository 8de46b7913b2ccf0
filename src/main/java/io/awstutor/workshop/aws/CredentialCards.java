package io.awstutor.workshop.aws;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The learners' credentials, written once to two owner-only files for the instructor to hand
 * out: a CSV, and a text file with one card per learner (the console sign-in address, the
 * user, the first password to change, the access key, the prefix their names must start with).
 * Never printed to the terminal.
 */
public final class CredentialCards {
    private CredentialCards() {
    }

    public static List<Path> write(Path folder, String account, String region, String tag, List<ProvisionedLearner> learners) throws IOException {
        Files.createDirectories(folder);
        StringBuilder csv = new StringBuilder("name,user,prefix,region,console_url,password,access_key_id,secret_access_key\n");
        StringBuilder cards = new StringBuilder();
        String console = "https://" + account + ".signin.aws.amazon.com/console";
        for (ProvisionedLearner l : learners) {
            csv.append(String.join(",", quoted(l.name()), l.userName(), l.userName() + "-", region, console, quoted(l.password()),
                    l.accessKeyId(), l.secretAccessKey())).append('\n');
            cards.append("""
                    ────────────────────────────────────────────────────────────
                     awstutor workshop %s — %s
                    ────────────────────────────────────────────────────────────
                     Console:      %s
                     User:         %s
                     Password:     %s   (you choose a new one at first sign-in)
                     Access key:   %s
                     Secret key:   %s
                     Region:       %s
                     Name everything you create %s-… (other names are refused).

                    """.formatted(tag, l.name(), console, l.userName(), l.password(), l.accessKeyId(), l.secretAccessKey(),
                    region, l.userName()));
        }
        Path csvFile = folder.resolve("workshop-" + tag + "-credentials.csv");
        Path cardFile = folder.resolve("workshop-" + tag + "-cards.txt");
        writeOwnerOnly(csvFile, csv.toString());
        writeOwnerOnly(cardFile, cards.toString());
        return List.of(csvFile, cardFile);
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
