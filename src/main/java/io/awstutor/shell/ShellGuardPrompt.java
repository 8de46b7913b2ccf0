package io.awstutor.shell;

import io.awstutor.cost.GuardPrompt;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.util.List;

/** The cost guard's questions through the shell's own I/O (JLine or a pipe). */
public final class ShellGuardPrompt implements GuardPrompt {
    private final ShellIO io;

    public ShellGuardPrompt(ShellIO io) {
        this.io = io;
    }

    @Override
    public boolean interactive() {
        return io.interactive();
    }

    @Override
    public void show(List<String> lines, boolean alarming) {
        AttributedStyle style = !io.color() ? AttributedStyle.DEFAULT
                : alarming ? AttributedStyle.BOLD.foreground(AttributedStyle.RED) : AttributedStyle.DEFAULT.faint();
        for (String line : lines) {
            for (String piece : OutcomePrinter.wrap(line, io.width())) {
                io.print(new AttributedStringBuilder().styled(style, piece).toAttributedString());
            }
        }
        io.out().flush();
    }

    @Override
    public boolean confirm(String question) {
        return io.confirm(question);
    }
}
