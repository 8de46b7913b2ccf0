package io.awstutor.workshop;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's files as an instructor's script reads them. */
class WorkshopReportTest {

    @Test
    void aStepNotPassedHasNoTimeInTheJsonAsInTheCsvRatherThanMinusOne() throws Exception {
        WorkshopReport report = new WorkshopReport("Tuesday class", 0, List.of(
                new WorkshopReport.LearnerStep("Ana", "s3", "1", "Make a bucket", true, 42L, 1, 0, false),
                new WorkshopReport.LearnerStep("Ana", "s3", "2", "Upload a file", false, null, 2, 1, false)),
                List.of(new WorkshopReport.StepSummary("s3", "2", "Upload a file", 1, 0, 0.0, null)));

        String json = report.json();
        assertFalse(json.contains("-1"), "a script summing the seconds would count -1:\n" + json);
        WorkshopReport read = WorkshopReport.fromJson(json);
        assertEquals(42L, read.learners().get(0).seconds());
        assertNull(read.learners().get(1).seconds());
        assertNull(read.steps().get(0).medianSeconds());

        String csv = report.csv();
        assertTrue(csv.contains("\nAna,s3,2,Upload a file,false,,2,1,false\n"), csv);
        assertTrue(csv.contains("\ns3,2,Upload a file,1,0,0"), csv);
    }
}
