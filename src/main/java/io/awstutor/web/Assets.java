package io.awstutor.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The stylesheet and script every page uses, from the jar (no CDN: the sandbox works with
 * no network). Served under {@code /_web/assets/NAME}; only the names listed here.
 */
public final class Assets {
    public static final String PREFIX = "/_web";
    private static final Map<String, String> TYPES = Map.of(
            "app.css", "text/css; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8");

    private Assets() {
    }

    /** The app that serves them; mount it once beside any other web app. */
    public static WebApp app() {
        return new WebApp(PREFIX, "web").get("/assets/{name}", request -> {
            String name = request.param("name").orElse("");
            String type = TYPES.get(name);
            if (type == null) {
                throw new WebException(404, "No such asset.");
            }
            try (InputStream in = Assets.class.getResourceAsStream("assets/" + name)) {
                if (in == null) {
                    throw new WebException(404, "No such asset.");
                }
                return WebResponse.bytes(200, type, in.readAllBytes()).withHeader("Cache-Control", "max-age=300");
            } catch (IOException e) {
                throw new WebException(500, "The asset could not be read.");
            }
        });
    }
}
