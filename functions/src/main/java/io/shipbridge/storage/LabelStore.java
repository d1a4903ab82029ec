package io.shipbridge.storage;

import io.shipbridge.carrier.Label;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Shipping labels in S3, as the printer-ready bytes the carrier returned: {@code labels/<carrier>/<order>/...}. */
public final class LabelStore {
    private final S3Client s3;
    private final String bucket;

    public LabelStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** Stores the label; writing the same label again (a retry) overwrites it with identical bytes. */
    public String put(String carrier, String orderId, String trackingNumber, Label label) {
        String key = "labels/" + carrier + "/" + orderId + "/" + trackingNumber + "." + label.format().extension();
        s3.putObject(p -> p.bucket(bucket).key(key).contentType(label.format().contentType()),
                RequestBody.fromBytes(label.content()));
        return key;
    }

    public byte[] get(String key) {
        return s3.getObjectAsBytes(g -> g.bucket(bucket).key(key)).asByteArray();
    }
}
