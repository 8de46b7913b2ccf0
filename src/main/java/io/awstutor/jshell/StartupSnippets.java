package io.awstutor.jshell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every Java session starts with: jshell's default imports and the SDK's core types
 * ({@link #core()}), then, per service, its packages and one ready client in a variable
 * named after it ({@link #services()}: {@code sts}, {@code iam}, {@code s3}, ...), plus
 * {@code clients} to build more ({@code clients.s3("eu-west-1")}).
 *
 * <p>The services are defined after the session is ready: just in time when a snippet
 * names one, otherwise in the background while the learner reads. Loading a service's
 * SDK classes costs a few hundred milliseconds each; paying for all seven before the
 * first prompt would make the learner wait for clients they may not use yet.
 */
final class StartupSnippets {
    private StartupSnippets() {
    }

    /** Service variable name to its client interface (the model's package is the variable name). */
    static final Map<String, String> SERVICES = services0();

    private static Map<String, String> services0() {
        Map<String, String> services = new LinkedHashMap<>();
        services.put("sts", "StsClient");
        services.put("iam", "IamClient");
        services.put("s3", "S3Client");
        services.put("ec2", "Ec2Client");
        services.put("rds", "RdsClient");
        services.put("ses", "SesClient");
        services.put("cloudfront", "CloudFrontClient");
        return services;
    }

    static List<String> core() {
        List<String> snippets = new ArrayList<>();
        for (String pkg : List.of("java.io", "java.math", "java.net", "java.nio.file", "java.util", "java.util.concurrent",
                "java.util.function", "java.util.regex", "java.util.stream", "java.time")) {
            snippets.add("import " + pkg + ".*;");
        }
        snippets.add("import software.amazon.awssdk.regions.Region;");
        snippets.add("import software.amazon.awssdk.core.sync.RequestBody;");
        snippets.add("import software.amazon.awssdk.core.sync.ResponseTransformer;");
        snippets.add("import software.amazon.awssdk.core.exception.SdkException;");
        snippets.add("import software.amazon.awssdk.awscore.exception.AwsServiceException;");
        // JDBC by name (java.sql.* would make Date ambiguous with java.util's), and query answers as tables.
        for (String type : List.of("Connection", "DriverManager", "ResultSet", "Statement", "PreparedStatement", "SQLException")) {
            snippets.add("import java.sql." + type + ";");
        }
        snippets.add("import io.awstutor.jshell.agent.SqlTable;");
        // A connection a security group drops gets no answer: without a login timeout it would hang the session.
        snippets.add("java.sql.DriverManager.setLoginTimeout(10);");
        snippets.add("io.awstutor.target.ClientFactory clients = io.awstutor.jshell.agent.LearnerClients.factory();");
        return snippets;
    }

    /** The snippets that define one service: its packages and its client variable. */
    static List<String> service(String variable) {
        String type = SERVICES.get(variable);
        return List.of(
                "import software.amazon.awssdk.services." + variable + ".*;",
                "import software.amazon.awssdk.services." + variable + ".model.*;",
                type + " " + variable + " = clients." + variable + "();");
    }
}
