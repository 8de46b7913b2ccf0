package io.awstutor.web.console;

import io.awstutor.web.Html;
import io.awstutor.web.WebRequest;
import io.awstutor.web.WebResponse;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.util.ArrayList;
import java.util.List;

/**
 * S3: the buckets with their regions; a bucket's objects, with folders made of the key
 * prefixes as the AWS console shows them; upload and download; an object's properties; the
 * bucket's properties and permissions (Block Public Access, bucket policy) and its website
 * endpoint as a link.
 */
final class S3Pages {
    private final ConsoleClients clients;

    S3Pages(ConsoleClients clients) {
        this.clients = clients;
    }

    WebResponse buckets(WebRequest request, Operator who) throws Exception {
        return buckets(request, who, Html.empty());
    }

    private WebResponse buckets(WebRequest request, Operator who, Html banner) throws Exception {
        String region = ConsoleView.region(request);
        return ConsoleView.page(request, who, "s3", "S3 buckets", "s3", () -> {
            S3Client s3 = clients.s3(who, "us-east-1");
            List<Html> rows = new ArrayList<>();
            Html list = ConsoleView.guarded(() -> {
                for (Bucket bucket : s3.listBuckets().buckets()) {
                    rows.add(ConsoleView.row(
                            Html.of("<a href=\"{}\">{}</a>", Html.href(ConsoleView.PREFIX + "/s3/" + ConsoleView.enc(bucket.name())), bucket.name()),
                            ConsoleView.guarded(() -> Html.text(bucketRegion(who, bucket.name()))),
                            ConsoleView.time(bucket.creationDate())));
                }
                return ConsoleView.table("Buckets", List.of("Name", "Region", "Created"), rows,
                        "No buckets yet. S3's bucket names are global: one name, one bucket, in all of AWS.");
            });
            Html create = Html.of("""
                    <form method="post" action="{}" class="panel create-bucket"><h2>Create a bucket</h2><div class="row">
                    <label>Bucket name <input name="bucket" required pattern="[a-z0-9.-]{3,63}" autocomplete="off"></label>
                    <label>Region <input name="region" value="{}" required></label>
                    <button type="submit">Create bucket</button></div></form>""", Html.href(ConsoleView.PREFIX + "/s3"), region);
            return Html.join(banner, list, create);
        });
    }

    WebResponse createBucket(WebRequest request, Operator who) throws Exception {
        String bucket = request.param("bucket", "").strip();
        String region = request.param("region", "us-east-1").strip();
        try {
            clients.s3(who, region).createBucket(b -> {
                b.bucket(bucket);
                if (!region.equals("us-east-1")) {
                    b.createBucketConfiguration(c -> c.locationConstraint(region));
                }
            });
        } catch (AwsServiceException refused) {
            return buckets(request, who, ConsoleView.error(refused));
        }
        return WebResponse.redirect(ConsoleView.PREFIX + "/s3/" + ConsoleView.enc(bucket));
    }

    /** Where a bucket lives; GetBucketLocation answers from any region. */
    private String bucketRegion(Operator who, String bucket) {
        String location = clients.s3(who, "us-east-1").getBucketLocation(b -> b.bucket(bucket)).locationConstraintAsString();
        return location == null || location.isEmpty() ? "us-east-1" : location.equals("EU") ? "eu-west-1" : location;
    }

    WebResponse bucket(WebRequest request, Operator who) throws Exception {
        String bucket = request.param("bucket", "");
        String prefix = request.param("prefix").orElse("");
        return ConsoleView.page(request, who, "s3", "Bucket " + bucket, "s3", () -> {
            String region = bucketRegion(who, bucket);
            S3Client s3 = clients.s3(who, region);
            Html objects = ConsoleView.guarded(() -> objects(s3, bucket, prefix));
            Html upload = Html.of("""
                    <form method="post" action="{}" enctype="multipart/form-data" class="panel"><h2>Upload</h2><div class="row">
                    <label>File <input type="file" name="file" required></label>
                    <label>Key (optional) <input name="key" placeholder="{}"></label>
                    <input type="hidden" name="prefix" value="{}">
                    <button type="submit">Upload</button></div></form>""",
                    Html.href(ConsoleView.PREFIX + "/s3/" + ConsoleView.enc(bucket) + "/upload"), prefix + "file name", prefix);
            return Html.of("<p class=\"crumbs\"><a href=\"{}\">Buckets</a> › {} <span class=\"muted\">({})</span></p>"
                    + "<h2>Objects</h2>{}{}<h2>Properties</h2>{}<h2>Permissions</h2>{}",
                    Html.href(ConsoleView.PREFIX + "/s3"), bucket, region, objects, upload,
                    properties(request, s3, bucket, region), permissions(s3, bucket));
        });
    }

    private Html objects(S3Client s3, String bucket, String prefix) {
        ListObjectsV2Response listing = s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).delimiter("/").maxKeys(1000));
        String base = ConsoleView.PREFIX + "/s3/" + ConsoleView.enc(bucket);
        List<Html> crumbs = new ArrayList<>();
        crumbs.add(Html.of("<a href=\"{}\">{}</a>", Html.href(base), bucket));
        int at = 0;
        while (at < prefix.length()) {
            int slash = prefix.indexOf('/', at);
            String upTo = slash < 0 ? prefix : prefix.substring(0, slash + 1);
            crumbs.add(Html.of(" / <a href=\"{}\">{}</a>", Html.href(base + "?prefix=" + ConsoleView.enc(upTo)),
                    prefix.substring(at, slash < 0 ? prefix.length() : slash)));
            at = slash < 0 ? prefix.length() : slash + 1;
        }
        List<Html> rows = new ArrayList<>();
        for (CommonPrefix folder : listing.commonPrefixes()) {
            rows.add(ConsoleView.row(Html.of("<a class=\"folder\" href=\"{}\">{}</a>", Html.href(base + "?prefix=" + ConsoleView.enc(folder.prefix())),
                    folder.prefix().substring(prefix.length())), "Folder", "", "", ""));
        }
        for (S3Object object : listing.contents()) {
            String name = object.key().substring(prefix.length());
            rows.add(ConsoleView.row(
                    Html.of("<a href=\"{}\">{}</a>", Html.href(base + "/object?key=" + ConsoleView.enc(object.key())), name.isEmpty() ? object.key() : name),
                    object.storageClassAsString(), Html.of("<span class=\"num\">{}</span>", object.size()), ConsoleView.time(object.lastModified()),
                    Html.of("<a href=\"{}\" download>Download</a>", Html.href(base + "/download?key=" + ConsoleView.enc(object.key())))));
        }
        return Html.of("<p class=\"crumbs\" aria-label=\"Folder\">{}</p>{}{}", Html.join(crumbs),
                ConsoleView.table("Objects", List.of("Name", "Storage class", "Size (bytes)", "Last modified", ""), rows,
                        prefix.isEmpty() ? "This bucket is empty." : "No objects under this prefix."),
                Boolean.TRUE.equals(listing.isTruncated()) ? Html.raw("<p class=\"muted\">The first 1,000 are shown.</p>") : Html.empty());
    }

    private Html properties(WebRequest request, S3Client s3, String bucket, String region) {
        Html versioning = ConsoleView.guarded(() -> Html.text(java.util.Optional.ofNullable(
                s3.getBucketVersioning(b -> b.bucket(bucket)).statusAsString()).orElse("Disabled")));
        Html website = unlessNone("NoSuchWebsiteConfiguration", "Static website hosting is off.", () -> {
            var site = s3.getBucketWebsite(b -> b.bucket(bucket));
            String url = "http://" + request.host() + "/_website/" + ConsoleView.enc(bucket) + "/";
            return Html.of("<a href=\"{}\">{}</a><br><span class=\"muted\">on AWS: http://{}.s3-website-{}.amazonaws.com/ · index {}</span>",
                    Html.href(url), url, bucket, region, site.indexDocument() == null ? "" : site.indexDocument().suffix());
        });
        Html tags = unlessNone("NoSuchTagSet", "No tags.", () -> Html.each(s3.getBucketTagging(b -> b.bucket(bucket)).tagSet(),
                t -> Html.of("<code>{}</code> = <code>{}</code><br>", t.key(), t.value())));
        return ConsoleView.table("Properties", List.of("Property", "Value"), List.of(
                ConsoleView.row("Region", region), ConsoleView.row("Versioning", versioning),
                ConsoleView.row("Static website", website), ConsoleView.row("Tags", tags)), "");
    }

    private Html permissions(S3Client s3, String bucket) {
        Html block = unlessNone("NoSuchPublicAccessBlockConfiguration", "Block Public Access is off for this bucket (no configuration).", () -> {
            PublicAccessBlockConfiguration c = s3.getPublicAccessBlock(b -> b.bucket(bucket)).publicAccessBlockConfiguration();
            return ConsoleView.table("Block Public Access", List.of("Setting", "On"), List.of(
                    ConsoleView.row("BlockPublicAcls", c.blockPublicAcls()), ConsoleView.row("IgnorePublicAcls", c.ignorePublicAcls()),
                    ConsoleView.row("BlockPublicPolicy", c.blockPublicPolicy()), ConsoleView.row("RestrictPublicBuckets", c.restrictPublicBuckets())), "");
        });
        Html policy = unlessNone("NoSuchBucketPolicy", "No bucket policy.",
                () -> Html.of("<pre class=\"policy\">{}</pre>", ConsoleView.prettyJson(s3.getBucketPolicy(b -> b.bucket(bucket)).policy())));
        return Html.of("<h3>Block Public Access</h3>{}<h3>Bucket policy</h3>{}", block, policy);
    }

    /** A bucket setting, or {@code none} when S3 answers that the bucket has none ({@code code}); other refusals as banners. */
    private static Html unlessNone(String code, String none, ConsoleView.Content read) {
        return ConsoleView.guarded(() -> {
            try {
                return read.render();
            } catch (AwsServiceException refused) {
                if (refused.awsErrorDetails() != null && code.equals(refused.awsErrorDetails().errorCode())) {
                    return Html.of("<p>{}</p>", none);
                }
                throw refused;
            }
        });
    }

    WebResponse upload(WebRequest request, Operator who) throws Exception {
        String bucket = request.param("bucket", "");
        MultipartForm form = MultipartForm.read(request);
        MultipartForm.FilePart file = form.file().orElseThrow(() -> new io.awstutor.web.WebException(400, "Choose a file to upload."));
        String prefix = form.fields().getOrDefault("prefix", "");
        String key = form.fields().getOrDefault("key", "").isBlank() ? prefix + file.fileName() : form.fields().get("key").strip();
        String base = ConsoleView.PREFIX + "/s3/" + ConsoleView.enc(bucket);
        try {
            clients.s3(who, bucketRegion(who, bucket)).putObject(b -> b.bucket(bucket).key(key).contentType(file.contentType()),
                    RequestBody.fromBytes(file.content()));
        } catch (AwsServiceException refused) {
            return ConsoleView.page(request, who, "s3", "Upload to " + bucket, "s3",
                    () -> Html.of("{}<p><a href=\"{}\">Back to the bucket</a></p>", ConsoleView.error(refused), Html.href(base)));
        }
        return WebResponse.redirect(base + (prefix.isEmpty() ? "" : "?prefix=" + ConsoleView.enc(prefix)));
    }

    WebResponse object(WebRequest request, Operator who) throws Exception {
        String bucket = request.param("bucket", "");
        String key = request.param("key", "");
        String base = ConsoleView.PREFIX + "/s3/" + ConsoleView.enc(bucket);
        return ConsoleView.page(request, who, "s3", "Object " + key, "s3", () -> {
            S3Client s3 = clients.s3(who, bucketRegion(who, bucket));
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
            Html metadata = Html.each(head.metadata().entrySet(), e -> Html.of("<code>x-amz-meta-{}</code>: {}<br>", e.getKey(), e.getValue()));
            Html tags = ConsoleView.guarded(() -> Html.each(s3.getObjectTagging(b -> b.bucket(bucket).key(key)).tagSet(),
                    t -> Html.of("<code>{}</code> = <code>{}</code><br>", t.key(), t.value())));
            return Html.of("<p class=\"crumbs\"><a href=\"{}\">Buckets</a> › <a href=\"{}\">{}</a> › {}</p>{}"
                    + "<p><a class=\"button\" href=\"{}\" download>Download</a></p>"
                    + "<form method=\"post\" action=\"{}\" data-confirm=\"Delete this object?\"><input type=\"hidden\" name=\"key\" value=\"{}\">"
                    + "<button class=\"danger\" type=\"submit\">Delete</button></form>",
                    Html.href(ConsoleView.PREFIX + "/s3"), Html.href(base), bucket, key,
                    ConsoleView.table("Properties", List.of("Property", "Value"), List.of(
                            ConsoleView.row("Key", Html.of("<code>{}</code>", key)),
                            ConsoleView.row("Size", head.contentLength() + " bytes"),
                            ConsoleView.row("Type", head.contentType()),
                            ConsoleView.row("Storage class", head.storageClassAsString() == null ? "STANDARD" : head.storageClassAsString()),
                            ConsoleView.row("Restore", head.restore() == null ? "—" : head.restore()),
                            ConsoleView.row("ETag", head.eTag()),
                            ConsoleView.row("Last modified", ConsoleView.time(head.lastModified())),
                            ConsoleView.row("Metadata", metadata.isEmpty() ? Html.text("none") : metadata),
                            ConsoleView.row("Tags", tags.isEmpty() ? Html.text("none") : tags)), ""),
                    Html.href(base + "/download?key=" + ConsoleView.enc(key)), Html.href(base + "/delete"), key);
        });
    }

    /** The object's bytes as an attachment, never rendered here: an HTML object must not run as the console's page. */
    WebResponse download(WebRequest request, Operator who) throws Exception {
        String bucket = request.param("bucket", "");
        String key = request.param("key", "");
        ResponseInputStream<GetObjectResponse> body;
        try {
            body = clients.s3(who, bucketRegion(who, bucket)).getObject(b -> b.bucket(bucket).key(key));
        } catch (AwsServiceException refused) {
            return ConsoleView.page(request, who, "s3", "Download", "s3", () -> ConsoleView.error(refused));
        }
        String name = key.substring(key.lastIndexOf('/') + 1);
        return WebResponse.stream(200, "application/octet-stream", body.response().contentLength(), out -> {
            try (body) {
                body.transferTo(out);
            }
        }).withHeader("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_")
                + "\"; filename*=UTF-8''" + ConsoleView.enc(name))
                .withHeader("Content-Security-Policy", "default-src 'none'; sandbox");
    }

    WebResponse deleteObject(WebRequest request, Operator who) throws Exception {
        String bucket = request.param("bucket", "");
        String key = request.param("key", "");
        String base = ConsoleView.PREFIX + "/s3/" + ConsoleView.enc(bucket);
        try {
            clients.s3(who, bucketRegion(who, bucket)).deleteObject(b -> b.bucket(bucket).key(key));
        } catch (AwsServiceException refused) {
            return ConsoleView.page(request, who, "s3", "Delete " + key, "s3",
                    () -> Html.of("{}<p><a href=\"{}\">Back to the bucket</a></p>", ConsoleView.error(refused), Html.href(base)));
        }
        int slash = key.lastIndexOf('/');
        return WebResponse.redirect(base + (slash < 0 ? "" : "?prefix=" + ConsoleView.enc(key.substring(0, slash + 1))));
    }
}
