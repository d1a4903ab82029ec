package io.shipbridge.storage;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Short-lived download links to objects of the bucket, signed with the function's own credentials. */
final class DownloadLinks {
    private final S3Presigner presigner;
    private final String bucket;

    DownloadLinks(S3Presigner presigner, String bucket) {
        this.presigner = presigner;
        this.bucket = bucket;
    }

    /** @param fileName the name a browser saves it under; null to leave it to the key */
    URI link(String key, Duration validity, String fileName) {
        return URI.create(presigner.presignGetObject(p -> p.signatureDuration(validity).getObjectRequest(g -> {
            g.bucket(bucket).key(key);
            if (fileName != null) {
                g.responseContentDisposition("attachment; filename=\"" + fileName + "\"");
            }
        })).url().toString());
    }
}
