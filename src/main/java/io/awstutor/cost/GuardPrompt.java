package io.awstutor.cost;

import java.util.List;

/** How the guard talks to the learner, whatever the terminal: the shell adapts its own I/O. */
public interface GuardPrompt {
    /** Whether a person can answer (a terminal), or it is a script (a pipe). */
    boolean interactive();

    /** Shows the warning; {@code alarming} for a real account (the warning colour). */
    void show(List<String> lines, boolean alarming);

    /** Asks for an explicit yes; anything else is no. */
    boolean confirm(String question);
}
