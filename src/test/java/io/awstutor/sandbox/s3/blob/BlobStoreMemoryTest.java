package io.awstutor.sandbox.s3.blob;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: without a data folder, S3 keeps small bodies in memory (no file per object) and
 * spills big ones, and everything past a fixed budget, to files, so memory stays bounded.
 */
class BlobStoreMemoryTest {

    @Test
    void smallBodiesStayInMemoryAndTheRestSpillsPastTheBudget(@TempDir Path dir) throws IOException {
        BlobStore store = new BlobStore(() -> dir, false, 1024, 4096);
        List<StoredBlob> blobs = new ArrayList<>();
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            byte[] body = new byte[i == 3 ? 5000 : 700];
            Arrays.fill(body, (byte) ('a' + i));
            bodies.add(body);
            blobs.add(store.write(new ByteArrayInputStream(body), Set.of(), body.length));
        }
        // 700-byte bodies fit until 5 of them (3500 bytes) fill most of the 4 KiB budget; the 5000-byte one never fits
        assertEquals(7, bodyFiles(dir).size(), "files: " + bodyFiles(dir));
        for (int i = 0; i < blobs.size(); i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.copyRange(List.of(blobs.get(i).segment()), 0, bodies.get(i).length, out);
            assertArrayEquals(bodies.get(i), out.toByteArray(), "body " + i);
            try (var in = store.openRange(List.of(blobs.get(i).segment()), 100, 50)) {
                assertArrayEquals(Arrays.copyOfRange(bodies.get(i), 100, 150), in.readAllBytes());
            }
        }
        // deleting in-memory bodies gives their room back
        store.delete(blobs.subList(0, 3).stream().map(StoredBlob::segment).toList());
        store.write(new ByteArrayInputStream(new byte[700]), Set.of(), 700);
        assertEquals(7, bodyFiles(dir).size());
        store.destroy();
    }

    @Test
    void anInMemorySandboxWritesNoFilePerObject() throws Exception {
        try (TestSandbox box = TestSandbox.start()) {
            box.s3().createBucket(b -> b.bucket("mem"));
            for (int i = 0; i < 50; i++) {
                int n = i;
                box.s3().putObject(b -> b.bucket("mem").key("k" + n), RequestBody.fromString("body " + n));
            }
            assertEquals("body 7", box.s3().getObjectAsBytes(b -> b.bucket("mem").key("k7")).asUtf8String());
            // not even a folder: the start no longer makes (and sweeps) a temp folder it would not use
            assertEquals(java.util.Optional.empty(),
                    box.sandbox().service(io.awstutor.sandbox.s3.rest.S3Handler.class).orElseThrow().backend().blobs().madeFolder());
        }
    }

    private static List<Path> bodyFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
