package io.awstutor.shell;

import io.awstutor.jshell.JShellEngine;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Tab completion: slash commands and their arguments (lesson ids, step numbers, targets)
 * at the start of the line; everything else is Java, completed by JShell's own analysis.
 */
public final class ShellCompleter implements Completer {
    private final Supplier<List<String>> commandNames;
    private final Function<String, List<String>> argumentsOf;
    private final Supplier<JShellEngine> engine;

    public ShellCompleter(Supplier<List<String>> commandNames, Function<String, List<String>> argumentsOf,
                          Supplier<JShellEngine> engine) {
        this.commandNames = commandNames;
        this.argumentsOf = argumentsOf;
        this.engine = engine;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String buffer = line.line();
        if (buffer.startsWith("/") && !buffer.startsWith("//") && !buffer.startsWith("/*")) {
            if (line.wordIndex() == 0) {
                for (String name : commandNames.get()) {
                    candidates.add(new Candidate("/" + name, "/" + name, null, null, null, null, true));
                }
            } else {
                String command = line.words().get(0).substring(1);
                for (String argument : argumentsOf.apply(command)) {
                    candidates.add(new Candidate(argument, argument, null, null, null, null, true));
                }
            }
            return;
        }
        int cursor = line.cursor();
        int wordStart = cursor - line.wordCursor();
        for (String completion : engine.get().complete(buffer, cursor)) {
            // JShell answers with the whole buffer up to its anchor; JLine replaces the current word
            if (completion.length() >= wordStart) {
                String word = completion.substring(wordStart);
                boolean complete = !word.endsWith("(") && !word.endsWith(".");
                candidates.add(new Candidate(word, display(word), null, null, null, null, complete));
            }
        }
    }

    private static String display(String word) {
        int dot = word.lastIndexOf('.', word.length() - 2);
        return dot < 0 ? word : word.substring(dot + 1);
    }
}
