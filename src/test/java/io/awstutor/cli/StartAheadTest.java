package io.awstutor.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Work begun before picocli parses is for commands that start a sandbox, and only for them. */
class StartAheadTest {
    @Test
    void theCommandsThatStartASandboxAreTheShellSandboxVerifyAndWorkshop() {
        assertTrue(StartAhead.startsASandbox(new String[0]));
        assertTrue(StartAhead.startsASandbox(new String[] {"--target", "sandbox"}));
        assertTrue(StartAhead.startsASandbox(new String[] {"shell"}));
        assertTrue(StartAhead.startsASandbox(new String[] {"sandbox", "--port", "4566"}));
        assertTrue(StartAhead.startsASandbox(new String[] {"verify"}));
        assertTrue(StartAhead.startsASandbox(new String[] {"workshop", "serve"}));
        assertFalse(StartAhead.startsASandbox(new String[] {"--help"}));
        assertFalse(StartAhead.startsASandbox(new String[] {"-V"}));
        assertFalse(StartAhead.startsASandbox(new String[] {"lint", "lessons"}));
        assertFalse(StartAhead.startsASandbox(new String[] {"progress"}));
    }

    @Test
    void aCommandThatStartsNoSandboxGetsNothingAhead() {
        assertTrue(StartAhead.begin(new String[] {"lint"}) == StartAhead.NONE);
    }
}
