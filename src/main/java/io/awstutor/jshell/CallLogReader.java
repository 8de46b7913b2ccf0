package io.awstutor.jshell;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.awstutor.jshell.agent.CallRecord;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the call records the JShell process appended since the last read. */
public final class CallLogReader {
    private final Path file;
    private final ObjectMapper json = new ObjectMapper();
    private long offset;

    CallLogReader(Path file) {
        this.file = file;
    }

    synchronized void skipToEnd() {
        offset = file.toFile().length();
    }

    synchronized List<CallRecord> readNew() {
        List<CallRecord> records = new ArrayList<>();
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
