package io.awstutor.sandbox.persist;

import io.awstutor.json.JsonMappers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.awstutor.durable.DurableFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * One JSON file holding a service's state, written by {@link DurableFiles} (temp file, fsync,
 * atomic rename, fsync of the folder), so a crash leaves either the old state or the new one,
 * never half of each.
 * A file that does not parse is reported with its path and the parser's reason, never
 * silently replaced. Values are plain Jackson: records, lists, maps, strings, numbers, and
 * {@link Instant} (as ISO-8601 text; the JSR-310 module is not on the class path).
 *
 * <pre>{@code
 * StateFile file = new StateFile(dir.resolve("iam.json"));
 * file.save(state);
 * Optional<IamState> loaded = file.load(IamState.class);
 * }</pre>
 */
public final class StateFile {
    private static final ObjectMapper MAPPER = JsonMappers.mapper();

    private final Path file;

    public StateFile(Path file) {
        this.file = file.toAbsolutePath();
        try {
            // what a write killed half-way left: never renamed, so never part of the state
            DurableFiles.removeLeftoversOf(this.file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot clear unfinished writes next to " + this.file, e);
        }
    }

    public Path path() {
        return file;
    }

    /** Writes the state atomically, creating the folder if needed. Callers serialize their own saves. */
    public void save(Object state) throws IOException {
        saveSerialized(serialize(state));
    }

    /** The JSON {@link #save} would write (to keep the last saved state, to roll back to it). */
    public byte[] serialize(Object state) throws IOException {
        try {
            return JsonMappers.pretty().writeValueAsBytes(state);
        } catch (JsonProcessingException e) {
            throw new IOException("cannot write state " + state.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public void saveSerialized(byte[] json) throws IOException {
        DurableFiles.write(file, json);
    }

    /** Reads JSON this class wrote; {@link CorruptStateException} (naming this file) when it does not parse. */
    public <T> T parse(byte[] json, Class<T> type) throws CorruptStateException {
        return parse(json, MAPPER.getTypeFactory().constructType(type));
    }

    /** The saved state, or empty when nothing was saved yet; {@link CorruptStateException} when it does not parse. */
    public <T> Optional<T> load(Class<T> type) throws IOException {
        return load(MAPPER.getTypeFactory().constructType(type));
    }

    public <T> Optional<T> load(TypeReference<T> type) throws IOException {
        return load(MAPPER.getTypeFactory().constructType(type));
    }

    private <T> Optional<T> load(JavaType type) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(parse(bytes, type));
    }

    private <T> T parse(byte[] bytes, JavaType type) throws CorruptStateException {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (JsonProcessingException e) {
            throw new CorruptStateException(file, e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")" : ""));
        } catch (IOException e) {
            throw new CorruptStateException(file, e.getMessage());
        }
    }

    public void delete() throws IOException {
        DurableFiles.delete(file);
    }

    /** A state file that exists but is not the JSON its service wrote. */
    public static final class CorruptStateException extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Path file;

        public CorruptStateException(Path file, String reason) {
            this(file, reason, "move it aside (or fix it) to start that service with empty state");
        }

        /** {@code advice}: what the user can do about it, when moving the file aside would lose more than it. */
        public CorruptStateException(Path file, String reason, String advice) {
            super("corrupt state file " + file + ": " + reason + "; " + advice);
            this.file = file;
        }

        public Path file() {
            return file;
        }
    }
}
