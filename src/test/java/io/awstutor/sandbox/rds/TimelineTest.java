package io.awstutor.sandbox.rds;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelineTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void statusFollowsTheClockAndANewerOperationReplacesFuturePhases() {
        Timeline t = Timeline.of("creating", T0).then("backing-up", T0.plusSeconds(240)).then("available", T0.plusSeconds(300));
        assertEquals("creating", t.statusAt(T0.plusSeconds(10)));
        assertEquals("backing-up", t.statusAt(T0.plusSeconds(240)));
        assertEquals("available", t.statusAt(T0.plusSeconds(3000)));
        Timeline deleting = t.then("deleting", T0.plusSeconds(100)).endingAt(T0.plusSeconds(220));
        assertEquals("deleting", deleting.statusAt(T0.plusSeconds(250)), "the scheduled available no longer happens");
        assertFalse(deleting.goneAt(T0.plusSeconds(219)));
        assertTrue(deleting.goneAt(T0.plusSeconds(220)));
    }

    @Test
    void compactionKeepsTheCurrentAndFuturePhasesOnly() {
        Timeline t = Timeline.of("creating", T0).then("backing-up", T0.plusSeconds(240)).then("available", T0.plusSeconds(300));
        Timeline compacted = t.compactedAt(T0.plusSeconds(250));
        assertEquals(2, compacted.phases().size());
        assertEquals("backing-up", compacted.statusAt(T0.plusSeconds(250)));
        assertEquals("available", compacted.statusAt(T0.plusSeconds(300)));
        assertEquals(1, t.compactedAt(T0.plusSeconds(301)).phases().size());
    }
}
