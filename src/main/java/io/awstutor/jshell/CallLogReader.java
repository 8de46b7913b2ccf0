package io.awstutor.jshell;

import io.awstutor.json.JsonMappers;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awstutor.jshell.agent.CallRecord;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The session's call log: a temporary file the JShell process appends one record to per
 * call, read here since the last read. Its name carries the shell's PID, so a shell that
 * was killed leaves nothing the next one does not remove.
 */
public final class CallLogReader {
    private final Path file;
    private long offset;

    CallLogReader(Path file) {
        this.file = file;
    }

    static CallLogReader inTempFile() {
        try {
            return new CallLogReader(io.awstutor.durable.OwnedTempFiles.createFile("awstutor-calls-", ".jsonl"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Path file() {
        return file;
    }

    void delete() {
        try {
            java.nio.file.Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file; the JVM's deleteOnExit tries again, the next shell after that
        }
    }

    synchronized void skipToEnd() {
        offset = file.toFile().length();
    }

    synchronized List<CallRecord> readNew() {
        List<CallRecord> records = new ArrayList<>();
        // the mapper at the first read, not with the log: Jackson's start is made on another core meanwhile
        ObjectMapper json = JsonMappers.mapper();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            if (length <= offset) {
                return records;
            }
            byte[] bytes = new byte[(int) (length - offset)];
            raf.seek(offset);
            raf.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            int lastNewline = text.lastIndexOf('\n');
            if (lastNewline < 0) {
                return records;
            }
            offset += text.substring(0, lastNewline + 1).getBytes(StandardCharsets.UTF_8).length;
            for (String line : text.substring(0, lastNewline).split("\n")) {
                if (!line.isBlank()) {
                    try {
                        records.add(json.readValue(line, CallRecord.class));
                    } catch (IOException malformed) {
                        // The log feeds the ledger that /cleanup relies on: a record that cannot be read
                        // is handed on as one the shell tells the learner about, never dropped silently.
                        records.add(unreadable("a line of the call log could not be read (" + firstLine(malformed.getMessage()) + ")"));
                    }
                }
            }
        } catch (IOException e) {
            records.add(unreadable("the call log could not be read (" + e.getMessage() + ")"));
        }
        return records;
    }

    /** The operation of a record that stands for calls the log lost. */
    public static final String UNREADABLE = "UnreadableCallRecord";

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }

    private static CallRecord unreadable(String why) {
        return new CallRecord("awstutor", UNREADABLE, null, false, 0, UNREADABLE, why, null, java.util.Map.of(), java.util.Map.of());
    }
}
