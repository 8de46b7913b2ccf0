/**
 * The one small web layer both the sandbox's console and the workshop's dashboard use.
 *
 * <p>Pages are rendered on the server from {@link io.awstutor.web.Html} values (everything
 * escaped unless it is our own constant markup), routed by a {@link io.awstutor.web.WebApp}'s
 * table under one path prefix on the sandbox's own listener, and kept current in the browser
 * by server-sent events ({@link io.awstutor.web.EventHub}) that tell {@code app.js} which
 * "live regions" to re-fetch. The stylesheet and the script ship in the jar
 * ({@link io.awstutor.web.Assets}); there is no CDN, no build step, no framework.
 *
 * <p>It knows no AWS rules: pages call the sandbox's backends or the workshop's model.
 */
package io.awstutor.web;
