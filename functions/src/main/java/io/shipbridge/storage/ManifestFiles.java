package io.shipbridge.storage;

import io.shipbridge.carrier.DailyHandover;
import java.time.LocalDate;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The documents of each day's hand-over to a carrier: {@code manifests/<carrier>/<day>/<name>} in the bucket. */
public final class ManifestFiles {
    private final S3Client s3;
    private final String bucket;

    public ManifestFiles(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** Stores a document; storing it again (a retried close) overwrites it with the same bytes. */
    public String put(String carrier, LocalDate day, DailyHandover.Document document) {
        String key = "manifests/" + carrier + "/" + day + "/" + document.name();
        s3.putObject(p -> p.bucket(bucket).key(key).contentType(document.contentType()),
                RequestBody.fromBytes(document.content()));
        return key;
    }

    /** A stored document, to send it again. */
    public DailyHandover.Document read(String key) {
        var object = s3.getObjectAsBytes(g -> g.bucket(bucket).key(key));
        return new DailyHandover.Document(key.substring(key.lastIndexOf('/') + 1), object.response().contentType(),
                object.asByteArray());
    }

    /** The bucket's name, for services that read the documents themselves (an SFTP connector). */
    public String bucket() {
        return bucket;
    }
}
