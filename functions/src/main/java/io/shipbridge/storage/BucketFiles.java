package io.shipbridge.storage;

import io.shipbridge.catalog.CatalogImport;
import io.shipbridge.config.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Text files the seller and Shipbridge exchange through the bucket: catalog uploads and their reports. */
public final class BucketFiles implements CatalogImport.Files {
    private final S3Client s3;
    private final String bucket;

    public BucketFiles(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public long size(String key) {
        return s3.headObject(h -> h.bucket(bucket).key(key)).contentLength();
    }

    /**
     * The file as UTF-8 text, bytes that are not UTF-8 read as U+FFFD (the SDK's own decoding throws instead): a
     * seller's file saved as Latin-1 is then refused row by row with a reason, not by a failed function.
     */
    @Override
    public String read(String key) {
        return new String(s3.getObjectAsBytes(g -> g.bucket(bucket).key(key)).asByteArray(), StandardCharsets.UTF_8);
    }

    @Override
    public void writeReport(String key, Map<String, Object> report) {
        s3.putObject(p -> p.bucket(bucket).key(key).contentType("application/json"),
                RequestBody.fromString(Json.write(report), StandardCharsets.UTF_8));
    }
}
