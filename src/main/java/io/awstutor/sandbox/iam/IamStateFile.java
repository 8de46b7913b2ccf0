package io.awstutor.sandbox.iam;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * IAM's state on disk: every account in one JSON file, replaced atomically (temp file,
 * fsync, rename) after each change. Access key secrets are in it because signatures are
 * verified with them; passwords are not (only their hashes).
 */
final class IamStateFile {
    private static final String FILE = "iam-state.json";

    private final Path dir;
    private final ObjectMapper json;

    IamStateFile(Path dir) {
        this.dir = dir;
        SimpleModule instants = new SimpleModule("instants")
                .addSerializer(Instant.class, new JsonSerializer<>() {
                    @Override
                    public void serialize(Instant value, JsonGenerator gen, SerializerProvider p) throws IOException {
                        gen.writeString(value.toString());
                    }
                })
                .addDeserializer(Instant.class, new JsonDeserializer<>() {
                    @Override
                    public Instant deserialize(JsonParser parser, DeserializationContext c) throws IOException {
                        return Instant.parse(parser.getValueAsString());
                    }
                });
        this.json = new ObjectMapper()
                .registerModule(instants)
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    Map<String, IamAccount> load() {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        try {
            return json.readValue(file.toFile(), new TypeReference<TreeMap<String, IamAccount>>() { });
        } catch (IOException e) {
            // A damaged file must not lose the learner's sandbox silently: keep it aside and start clean.
            try {
                Files.move(file, dir.resolve(FILE + ".corrupt-" + System.currentTimeMillis()), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // the next save overwrites it
            }
            System.err.println("iam: state file unreadable, starting clean (" + e.getMessage() + ")");
            return new TreeMap<>();
        }
    }

    void save(Map<String, IamAccount> accounts) {
        try {
            Files.createDirectories(dir);
            byte[] bytes = json.writeValueAsBytes(new TreeMap<>(accounts));
            Path temp = dir.resolve(FILE + ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(java.nio.ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            try {
                Files.move(temp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save IAM state in " + dir, e);
        }
    }
}
