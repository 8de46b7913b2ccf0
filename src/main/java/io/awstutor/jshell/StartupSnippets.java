package io.awstutor.jshell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every Java session starts with: {@code clients} to build clients
 * ({@code clients.s3("eu-west-1")}, {@link #clients()}); jshell's default imports and the SDK's
 * core types ({@link #imports()}); per service, its packages and one ready client in a
 * variable named after it ({@link #service}: {@code sts}, {@code iam}, {@code s3}, ...).
 *
 * <p>Only the core ({@link #core}) is defined before the session is ready. A service's client is defined just
 * in time when a snippet names it, and its imports with it when the snippet names a type
 * (a capitalised word); the common imports when a snippet does not compile without them;
 * and the rest in the background while the learner reads. Each snippet costs a compilation
 * and a service's SDK classes a few hundred milliseconds: paying for all of them before the
 * first answer would make the learner wait for what their first snippet does not use.
 */
final class StartupSnippets {
    private StartupSnippets() {
    }

    /** Price List, Cost Explorer, Budgets and Free Tier: no SDK module in the build, a JSON client instead. */
    private static final List<String> JSON_APIS = List.of("pricing", "costexplorer", "budgets", "freetier");

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
        services.put("secretsmanager", "SecretsManagerClient");
        services.put("rdsdata", "RdsDataClient");
        // the JSON APIs of the pricing lesson, reached through the tutor's AwsJsonClient
        for (String json : JSON_APIS) {
            services.put(json, "AwsJsonClient");
        }
        return services;
    }

    /** The service whose client the core snippet defines: the first lesson's. */
    static final String FIRST_SERVICE = "sts";

    /**
     * What a session needs before the learner's first snippet, in one snippet (each costs a
     * compilation and a round trip to the JVM): the JVM's setup with the target's settings, and
     * the first lesson's client. {@code clients} and the other services follow just in time.
     *
     * @param properties a Java string literal of the settings, in {@link java.util.Properties} text form
     */
    static String core(String properties) {
        return clientType(FIRST_SERVICE) + " " + FIRST_SERVICE + " = io.awstutor.jshell.agent.LearnerClients.start(" + properties
                + ")." + FIRST_SERVICE + "();";
    }

    /** The factory behind every client, for the learner's own ({@code clients.s3("eu-west-1")}). */
    static String clients() {
        return "io.awstutor.target.ClientFactory clients = io.awstutor.jshell.agent.LearnerClients.factory();";
    }

    /**
     * jshell's default imports, the SDK's core types and JDBC's: defined while the learner
     * reads, or before a snippet that does not compile without them is tried again.
     */
    static List<String> imports() {
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
        // (Here rather than in the core: DriverManager's start loads every driver, which the first answer need not wait for.)
        snippets.add("java.sql.DriverManager.setLoginTimeout(10);");
        return snippets;
    }

    /**
     * The snippet that defines one service's client variable. Its type is named in full: the
     * variable does not wait for the service's imports ({@link #serviceImports}), which a
     * snippet such as {@code sts.getCallerIdentity()} does not need.
     */
    static String serviceClient(String variable) {
        return clientType(variable) + " " + variable + " = io.awstutor.jshell.agent.LearnerClients.factory()." + variable + "();";
    }

    private static String clientType(String variable) {
        return JSON_APIS.contains(variable) ? "io.awstutor.target.AwsJsonClient"
                : "software.amazon.awssdk.services." + variable + "." + SERVICES.get(variable);
    }

    /** The snippets that import one service's types: its client's and its model's packages. */
    static List<String> serviceImports(String variable) {
        if (JSON_APIS.contains(variable)) {
            return List.of("import io.awstutor.target.AwsJsonClient;");
        }
        return List.of(
                "import software.amazon.awssdk.services." + variable + ".*;",
                "import software.amazon.awssdk.services." + variable + ".model.*;");
    }
}
