package io.awstutor.jshell;

import java.util.ArrayList;
import java.util.List;

/**
 * What every Java session starts with: jshell's default imports, the SDK's service and
 * model packages, and one ready client per service in a variable named after it
 * ({@code sts}, {@code iam}, {@code s3}, ...), plus {@code clients} to build more
 * (another region: {@code clients.s3("eu-west-1")}).
 */
final class StartupSnippets {
    private StartupSnippets() {
    }

    private static final List<String> ALL = build();

    static List<String> all() {
        return ALL;
    }

    private static List<String> build() {
        List<String> snippets = new ArrayList<>();
        for (String pkg : List.of("java.io", "java.math", "java.net", "java.nio.file", "java.util", "java.util.concurrent",
                "java.util.function", "java.util.regex", "java.util.stream", "java.time")) {
            snippets.add("import " + pkg + ".*;");
        }
        for (String service : JShellEngine.SERVICES) {
            snippets.add("import software.amazon.awssdk.services." + service + ".*;");
            snippets.add("import software.amazon.awssdk.services." + service + ".model.*;");
        }
        snippets.add("import software.amazon.awssdk.regions.Region;");
        snippets.add("import software.amazon.awssdk.core.sync.RequestBody;");
        snippets.add("import software.amazon.awssdk.core.sync.ResponseTransformer;");
        snippets.add("import software.amazon.awssdk.core.exception.SdkException;");
        snippets.add("import software.amazon.awssdk.awscore.exception.AwsServiceException;");
        snippets.add("io.awstutor.target.ClientFactory clients = io.awstutor.jshell.agent.LearnerClients.factory();");
        // Lazy: a client is built on its first call, so the session is ready before the SDK is loaded.
        snippets.add("StsClient sts = io.awstutor.jshell.agent.LearnerClients.lazy(StsClient.class, clients::sts);");
        snippets.add("IamClient iam = io.awstutor.jshell.agent.LearnerClients.lazy(IamClient.class, clients::iam);");
        snippets.add("S3Client s3 = io.awstutor.jshell.agent.LearnerClients.lazy(S3Client.class, clients::s3);");
        snippets.add("Ec2Client ec2 = io.awstutor.jshell.agent.LearnerClients.lazy(Ec2Client.class, clients::ec2);");
        snippets.add("RdsClient rds = io.awstutor.jshell.agent.LearnerClients.lazy(RdsClient.class, clients::rds);");
        snippets.add("SesClient ses = io.awstutor.jshell.agent.LearnerClients.lazy(SesClient.class, clients::ses);");
        snippets.add("CloudFrontClient cloudfront = io.awstutor.jshell.agent.LearnerClients.lazy(CloudFrontClient.class, clients::cloudfront);");
        snippets.add("io.awstutor.jshell.agent.LearnerClients.warmUpInBackground(sts, iam, s3, ec2);");
        return List.copyOf(snippets);
    }
}
