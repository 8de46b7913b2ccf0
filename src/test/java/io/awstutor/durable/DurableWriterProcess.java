package io.awstutor.durable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A process that rewrites one file through {@link DurableFiles} as fast as it can and prints
 * "acked N" after each write returns, so a test can kill it at any moment and compare.
 */
public final class DurableWriterProcess {
    private DurableWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        // each version is big enough that a torn write would show (64 KiB of its own digit)
        for (int version = 1; version < 1_000_000; version++) {
            String body = String.valueOf(version % 10).repeat(64 * 1024);
            DurableFiles.write(file, (version + "\n" + body).getBytes(StandardCharsets.UTF_8));
            System.out.println("acked " + version);
            System.out.flush();
        }
    }
}
