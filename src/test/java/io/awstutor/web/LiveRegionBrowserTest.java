package io.awstutor.web;

import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.SandboxOptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptException;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In a real browser: a live region follows the server's events without a reload, and escaped text stays text. */
class LiveRegionBrowserTest {

    @Test
    void aLiveRegionFollowsEventsAndScriptInDataNeverRuns() throws Exception {
        AtomicInteger count = new AtomicInteger();
        EventHub hub = new EventHub();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.inMemory()); hub) {
            sandbox.mount(Assets.app());
            sandbox.mount(new WebApp("/_demo", "demo")
                    .get("/", r -> WebResponse.page("Live demo", Html.of("<main id=\"main\"><h1>Counter</h1>{}</main>",
                            Layout.liveRegion("counter", "/_demo/count", "/_demo/events", "s3", count(count.get())))))
                    .get("/count", r -> WebResponse.fragment(count(count.get())))
                    .events("/events", hub));
            try (Browser browser = Browser.open()) {
                browser.get(sandbox.endpoint() + "/_demo/");
                assertEquals("0 <img src=x onerror=alert(1)>", browser.text("#counter .n"));
                browser.waitFor(10, "the page's event stream to connect", d -> hub.subscribers() > 0);
                count.set(3);
                hub.publish("iam", "not this region's topic");
                hub.publish("s3", "bucket created");
                browser.waitFor(10, "the region to show the new count",
                        d -> browser.text("#counter .n").startsWith("3 "));
                assertEquals("3 <img src=x onerror=alert(1)>", browser.text("#counter .n"));
                browser.screenshot("web-live-region");
                try {
                    Object alerted = browser.driver().switchTo().alert().getText();
                    throw new AssertionError("a script ran: " + alerted);
                } catch (org.openqa.selenium.NoAlertPresentException expected) {
                    assertTrue(true);
                } catch (JavascriptException ignored) {
                    // no alert
                }
            }
        }
    }

    private static Html count(int n) {
        return Html.of("<p class=\"n\">{}</p>", n + " <img src=x onerror=alert(1)>");
    }
}
