package io.awstutor.web;

/**
 * The one document shell every page shares: the stylesheet and script from the jar, a
 * skip link for keyboard users, and the page's own header and main content.
 */
public final class Layout {
    private Layout() {
    }

    public static Html document(String title, Html body) {
        return Html.of("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{}</title>
                <link rel="stylesheet" href="{}">
                <script src="{}" defer></script>
                </head>
                <body>
                <a class="skip" href="#main">Skip to content</a>
                {}
                </body>
                </html>
                """, title, Assets.PREFIX + "/assets/app.css", Assets.PREFIX + "/assets/app.js", body);
    }

    /** A link in the top bar; {@code current} marks the page the user is on (aria-current). */
    public record Link(String label, String href) {
    }

    /**
     * The bar at the top of every page: the app's name, its sections (the current one marked
     * for screen readers too), and on the right who is signed in or a switch.
     */
    public static Html topBar(String brand, String brandHref, java.util.List<Link> links, String currentHref, Html right) {
        Html nav = Html.each(links, link -> link.href().equals(currentHref)
                ? Html.of("<a href=\"{}\" aria-current=\"page\">{}</a>", Html.href(link.href()), link.label())
                : Html.of("<a href=\"{}\">{}</a>", Html.href(link.href()), link.label()));
        return Html.of("<header class=\"top\"><a class=\"brand\" href=\"{}\">{}</a><nav aria-label=\"Sections\">{}</nav>"
                + "<div class=\"who\">{}</div></header>", Html.href(brandHref), brand, nav, right);
    }

    /**
     * A region that app.js keeps current: it re-fetches {@code url} (a fragment) when the events
     * at {@code eventsUrl} announce one of {@code topics} (space-separated; "*" for any).
     */
    public static Html liveRegion(String id, String url, String eventsUrl, String topics, Html content) {
        return Html.of("<div id=\"{}\" data-live=\"{}\" data-events=\"{}\" data-topics=\"{}\" aria-live=\"polite\">{}</div>",
                id, url, eventsUrl, topics, content);
    }
}
