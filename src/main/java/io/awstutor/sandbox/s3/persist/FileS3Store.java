package io.awstutor.sandbox.s3.persist;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.awstutor.sandbox.s3.BucketConfig;
import io.awstutor.sandbox.s3.MultipartUpload;
import io.awstutor.sandbox.s3.S3Object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * JSON files under the S3 data folder, each written to a temp file, fsync'd and renamed.
 * File names are hashes or sequence numbers, never bucket names or keys. A file that can't
 * be read at start (torn by a crash before the rename would have been impossible, but a
 * hand-edited one) is skipped with a warning rather than losing everything else.
 */
public final class FileS3Store implements S3Store {
    private final Path buckets;
    private final Path objects;
    private final Path uploads;
    private final Path tmp;
    private final ObjectMapper json;

    public FileS3Store(Path root) {
        this.buckets = root.resolve("buckets");
        this.objects = root.resolve("objects");
        this.uploads = root.resolve("uploads");
        this.tmp = root.resolve("meta-tmp");
        SimpleModule instants = new SimpleModule();
        instants.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider sp) throws IOException {
                gen.writeString(value.toString());
            }
        });
        instants.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                return Instant.parse(p.getValueAsString());
            }
        });
        this.json = new ObjectMapper().registerModule(instants)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        try {
            Files.createDirectories(buckets);
            Files.createDirectories(objects);
            Files.createDirectories(uploads);
            Files.createDirectories(tmp);
            // a write the last process was killed in the middle of: never renamed, so never part of the state
            try (var leftovers = Files.list(tmp)) {
                for (Path p : (Iterable<Path>) leftovers::iterator) {
                    Files.deleteIfExists(p);
                }
            }
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

    private <T> List<T> readAll(Path dir, Class<T> type) {
        List<T> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p) && p.toString().endsWith(".json")) {
                    try {
                        out.add(json.readValue(p.toFile(), type));
                    } catch (IOException e) {
                        System.err.println("s3: skipping unreadable " + p + ": " + e.getMessage());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private void write(Path target, Object value) {
        try {
            byte[] bytes = json.writeValueAsBytes(value);
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(tmp, "w", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
