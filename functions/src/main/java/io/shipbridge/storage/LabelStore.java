package io.shipbridge.storage;

import io.shipbridge.carrier.Label;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Shipping labels in S3, as the printer-ready bytes the carrier returned: {@code labels/<carrier>/<order>/...}. */
public final class LabelStore {
    /** How long a label link works: long enough to print, short enough not to leak a customer's address for long. */
    public static final Duration LINK_VALIDITY = Duration.ofMinutes(15);

    private final S3Client s3;
    private final DownloadLinks links;
    private final String bucket;

    public LabelStore(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.links = new DownloadLinks(presigner, bucket);
        this.bucket = bucket;
    }

    /** Stores the label; writing the same label again (a retry) overwrites it with identical bytes. */
    public String put(String carrier, String orderId, String trackingNumber, Label label) {
        String key = "labels/" + carrier + "/" + orderId + "/" + trackingNumber + "." + label.format().extension();
        s3.putObject(p -> p.bucket(bucket).key(key).contentType(label.format().contentType()),
                RequestBody.fromBytes(label.content()));
        return key;
    }

    /** A link that downloads the label for {@link #LINK_VALIDITY}, signed with this function's credentials. */
    public URI link(String key) {
        return links.link(key, LINK_VALIDITY, null);
    }

    public byte[] get(String key) {
        return s3.getObjectAsBytes(g -> g.bucket(bucket).key(key)).asByteArray();
    }
}
