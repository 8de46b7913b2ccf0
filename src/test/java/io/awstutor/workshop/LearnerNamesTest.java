package io.awstutor.workshop;

import io.awstutor.workshop.join.WorkshopClient;
import io.awstutor.workshop.web.WorkshopServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two learners who give the same name stay two people the instructor can tell apart. */
class LearnerNamesTest {
    private static final Path LESSONS = Path.of("src/test/resources/workshop-lessons");

    @Test
    void aSecondBenIsBenTwoOnTheDashboardAndIsToldSo() throws Exception {
        try (WorkshopServer server = WorkshopServer.start(WorkshopServer.Options.defaults().withLessons(LESSONS).withTimeScale(0),
                Clock.systemUTC())) {
            WorkshopClient client = new WorkshopClient();
            String code = server.workshop().code();
            assertEquals("Ben", client.join(server.learnerUrl(), code, "Ben").learnerName());
            assertEquals("ben (2)", client.join(server.learnerUrl(), code, " ben ").learnerName(), "names match whatever their case");
            assertEquals("Ben (3)", client.join(server.learnerUrl(), code, "Ben").learnerName());
            assertEquals("<b>Ana</b>", client.join(server.learnerUrl(), code, "<b>Ana</b>").learnerName());
            String longName = "x".repeat(Workshop.MAX_NAME + 5);
            client.join(server.learnerUrl(), code, longName);
            assertEquals("x".repeat(Workshop.MAX_NAME - 4) + " (2)", client.join(server.learnerUrl(), code, longName).learnerName(),
                    "the number fits within the longest name");

            HttpResponse<String> board = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + server.port() + "/_workshop/"))
                    .header("Authorization", "Bearer " + server.workshop().instructorToken()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, board.statusCode(), board::body);
            for (String shown : new String[] {">Ben</a>", ">ben (2)</a>", ">Ben (3)</a>", ">&lt;b&gt;Ana&lt;/b&gt;</a>"}) {
                assertTrue(board.body().contains(shown), shown + " is on the dashboard");
            }
            assertFalse(board.body().contains("<b>Ana"), "the name is escaped");
        }
    }
}
