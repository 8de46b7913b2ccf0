package io.awstutor.sandbox.s3.persist;

import io.awstutor.json.JsonMappers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awstutor.durable.DurableFiles;
import io.awstutor.sandbox.persist.StateFile;
import io.awstutor.sandbox.s3.BucketConfig;
import io.awstutor.sandbox.s3.MultipartUpload;
import io.awstutor.sandbox.s3.S3Object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * JSON files under the S3 data folder, each written by {@link DurableFiles} (temp file, fsync,
 * rename, fsync of the folder). File names are hashes or sequence numbers, never bucket names
 * or keys. A file that can't be read at start (a crash cannot tear one, but a hand edit can)
 * stops the sandbox with the file's name, as every other service's state file does: skipping
 * it would make its objects look orphaned, and orphans are deleted.
 */
public final class FileS3Store implements S3Store {
    private final Path buckets;
    private final Path objects;
    private final Path uploads;
    private final ObjectMapper json;

    public FileS3Store(Path root) {
        this.buckets = root.resolve("buckets");
        this.objects = root.resolve("objects");
        this.uploads = root.resolve("uploads");
        this.json = JsonMappers.mapper();
        try {
            Files.createDirectories(buckets);
            Files.createDirectories(objects);
            Files.createDirectories(uploads);
            // a write the last process was killed in the middle of: never renamed, so never part of the state
            DurableFiles.removeLeftovers(root);
            removeLegacyTempFolder(root.resolve("meta-tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void saveBucket(BucketConfig config) {
        write(buckets.resolve(hash(config.name()) + ".json"), config);
    }

    @Override
    public void deleteBucket(String name) {
        delete(buckets.resolve(hash(name) + ".json"));
    }

    @Override
    public void saveObject(S3Object object) {
        write(objectPath(object.sequence()), object);
    }

    @Override
    public void deleteObject(S3Object object) {
        delete(objectPath(object.sequence()));
    }

    @Override
    public void saveUpload(MultipartUpload.Spec spec, List<MultipartUpload.Part> parts) {
        write(uploads.resolve(hash(spec.uploadId()) + ".json"), new SavedUpload(spec, parts));
    }

    @Override
    public void deleteUpload(String uploadId) {
        delete(uploads.resolve(hash(uploadId) + ".json"));
    }

    @Override
    public Snapshot load() {
        return new Snapshot(readAll(buckets, BucketConfig.class), readAll(objects, S3Object.class),
                readAll(uploads, SavedUpload.class));
    }

    private Path objectPath(long sequence) {
        return objects.resolve(String.format("%02x", sequence & 0xFF)).resolve(sequence + ".json");
    }

    /**
     * Every file of one kind. One that does not parse stops S3 with its name: skipping it would
     * orphan the objects it describes (a bucket) or their bodies, which the start-up sweep would
     * then delete for good.
     */
    private <T> List<T> readAll(Path dir, Class<T> type) {
        List<T> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p) && p.toString().endsWith(".json")) {
                    out.add(read(p, type));
                }
            }
        } catch (StateFile.CorruptStateException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private <T> T read(Path p, Class<T> type) throws IOException {
        try {
            T value = json.readValue(p.toFile(), type);
            if (value == null) {
                throw corrupt(p, "the file is empty");
            }
            return value;
        } catch (JsonProcessingException | DateTimeException e) {
            throw corrupt(p, e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage());
        }
    }

    private static StateFile.CorruptStateException corrupt(Path p, String reason) {
        return new StateFile.CorruptStateException(p, reason, "S3 does not start without it, since the objects it "
                + "describes would be lost: fix the file or put back a copy, then start again");
    }

    private void write(Path target, Object value) {
        try {
            DurableFiles.write(target, json.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path p) {
        try {
            DurableFiles.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the previous version wrote its temp files; whatever is in it was never committed. */
    private static void removeLegacyTempFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> leftovers = Files.list(folder)) {
                for (Path p : (Iterable<Path>) leftovers::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(folder);
        }
    }

    static String hash(String name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
