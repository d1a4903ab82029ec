package io.shipbridge.local.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.sim.carrier.CarrierSimulators;
import io.shipbridge.local.sim.carrier.FileExchange;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The seller's daily cut-off, fired by the test once the day's shipments exist (waiting for the template's cron would
 * take up to a day): CloseDay invoked for their hand-over day hands them to the carriers that take the day's
 * shipments together (Canada Post's transmit); a carrier of files then gets the day's manifests from the bucket as the
 * seller's Transfer Family connector would upload them (the connector, the SFTP server and SES are left out of the
 * deployment: LocalStack's free edition has no Transfer Family).
 */
final class DailyHandOver {
    private final LambdaTarget closeDay;
    private final S3Client s3;
    private final String bucket;
    private final CarrierSimulators carriers;
    private final String sftpDirectory;

    DailyHandOver(LambdaTarget closeDay, S3Client s3, String bucket, CarrierSimulators carriers,
            String sftpDirectory) {
        this.closeDay = closeDay;
        this.s3 = s3;
        this.bucket = bucket;
        this.carriers = carriers;
        this.sftpDirectory = sftpDirectory;
    }

    /** Closes {@code day} at every carrier and returns CloseDay's answer. */
    JsonNode close(LocalDate day) throws IOException {
        JsonNode answer = closeDay.call(Json.MAPPER.createObjectNode().put("trigger", "cutoff")
                .put("day", day.toString()));
        for (JsonNode closed : answer.path("closed")) {
            if (carriers.get(closed.path("carrier").asText()) instanceof FileExchange files) {
                for (String key : manifests(closed)) {
                    files.receiveFile(sftpDirectory + "/" + key.substring(key.lastIndexOf('/') + 1),
                            s3.getObjectAsBytes(g -> g.bucket(bucket).key(key)).asByteArray());
                }
            }
        }
        return answer;
    }

    private static List<String> manifests(JsonNode closed) {
        List<String> keys = new ArrayList<>();
        closed.path("documentKeys").forEach(key -> keys.add(key.asText()));
        return keys;
    }
}
