package io.awstutor.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Standard input that is not a terminal: one line at a time, plain output, no prompt. */
public final class PipeIO implements ShellIO {
    private final BufferedReader in;
    private final PrintStream out;
    private final List<String> history = new ArrayList<>();

    public PipeIO(InputStream in, PrintStream out) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
    }

    @Override
    public Optional<String> readLine(String prompt, String initialBuffer) {
        try {
            String line = in.readLine();
            if (line != null) {
                history.add(io.awstutor.target.Secrets.maskInText(line));
            }
            return Optional.ofNullable(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public PrintStream out() { return out; }
    @Override public boolean color() { return false; }
    @Override public boolean interactive() { return false; }
    @Override public int width() { return 80; }

    @Override
    public boolean confirm(String question) {
        out.println(question + " [no: not asked in a non-interactive session]");
        return false;
    }

    @Override
    public void whileInterruptible(Runnable work, Runnable onInterrupt) {
        work.run();
    }

    @Override
    public List<String> history() {
        return List.copyOf(history);
    }

    @Override
    public void close() {
        out.flush();
    }
}
