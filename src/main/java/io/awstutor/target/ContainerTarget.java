package io.awstutor.target;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

import java.net.URI;
import java.util.Map;

/**
 * {@code --target container [--image IMAGE]}: a LocalStack-compatible emulator in a container
 * through Testcontainers' LocalStack module, for this session only. A substitute image
 * (floci/floci, ...) is accepted as compatible; LOCALSTACK_AUTH_TOKEN is passed through,
 * since LocalStack's own image needs one.
 */
public final class ContainerTarget implements AutoCloseable {
    public static final String DEFAULT_IMAGE = "localstack/localstack:latest";

    private final LocalStackContainer container;

    private ContainerTarget(LocalStackContainer container) {
        this.container = container;
    }

    public URI endpoint() {
        return container.getEndpoint();
    }

    public static ContainerTarget start(String image, Map<String, String> environment) {
        requireDocker();
        String name = image == null || image.isBlank() ? DEFAULT_IMAGE : image;
        DockerImageName imageName = DockerImageName.parse(name).asCompatibleSubstituteFor("localstack/localstack");
        @SuppressWarnings("resource") // closed by close()
        LocalStackContainer container = new LocalStackContainer(imageName);
        String token = environment.get("LOCALSTACK_AUTH_TOKEN");
        if (token != null && !token.isBlank()) {
            container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
        }
        try {
            container.start();
        } catch (RuntimeException e) {
            container.close();
            String hint = name.startsWith("localstack/") && (token == null || token.isBlank())
                    ? " (LocalStack's image needs LOCALSTACK_AUTH_TOKEN; or try --image floci/floci)" : "";
            throw new TargetUnavailableException("the container " + name + " did not start: "
                    + Secrets.maskInText(String.valueOf(e.getMessage())) + hint, e);
        }
        return new ContainerTarget(container);
    }

    /** Testcontainers' own probe of DOCKER_HOST, the socket and its other strategies. */
    static void requireDocker() {
        boolean available;
        try {
            available = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            if (System.getenv("DOCKER_CERT_PATH") != null) {
                // the jar leaves out BouncyCastle, which docker-java needs only to read these certificates
                throw new TargetUnavailableException("--target container talks to a local Docker (its socket or plain"
                        + " DOCKER_HOST); Docker over TLS with DOCKER_CERT_PATH is not supported. Unset DOCKER_CERT_PATH and"
                        + " DOCKER_TLS_VERIFY, or use --target endpoint --endpoint-url URL for an emulator already running.");
            }
            available = false;
        }
        if (!available) {
            throw new TargetUnavailableException("--target container needs Docker, and no Docker daemon answers here"
                    + " (checked DOCKER_HOST and /var/run/docker.sock). Start Docker, or use --target sandbox, "
                    + "--target moto, or --target endpoint --endpoint-url URL for an emulator already running.");
        }
    }

    @Override
    public void close() {
        container.close();
    }
}
