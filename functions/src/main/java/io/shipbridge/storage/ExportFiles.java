package io.shipbridge.storage;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** CSV exports in the bucket, under {@code exports/}, handed out as short-lived download links. */
public final class ExportFiles {
    public static final Duration LINK_VALIDITY = Duration.ofMinutes(15);

    private final S3Client s3;
    private final DownloadLinks links;
    private final String bucket;

    public ExportFiles(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.links = new DownloadLinks(presigner, bucket);
        this.bucket = bucket;
    }

    /** Uploads the file as it is on disk, so an export of any size never sits whole in memory. */
    public void put(String key, Path file) {
        s3.putObject(p -> p.bucket(bucket).key(key).contentType("text/csv; charset=utf-8"), RequestBody.fromFile(file));
    }

    public URI link(String key) {
        return links.link(key, LINK_VALIDITY, key.substring(key.lastIndexOf('/') + 1));
    }
}
