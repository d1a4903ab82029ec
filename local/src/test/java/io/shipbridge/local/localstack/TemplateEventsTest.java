package io.shipbridge.local.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.cloud.EventPattern;
import io.shipbridge.standins.CloudFormationTemplate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the Docker run invokes in place of EventBridge, read from the template, checked without Docker: the schedules'
 * own input, and the bucket rules' patterns resolved to the deployed bucket.
 */
class TemplateEventsTest {
    private static final CloudFormationTemplate TEMPLATE = CloudFormationTemplate.read(
            CloudFormationTemplate.locate());

    @Test
    void theFetchAndThePollAreInvokedWithTheirSchedulesInput() {
        assertThat(ScheduleDriver.scheduleInput(TEMPLATE, "FetchOrdersFunction", "Fetch"))
                .isEqualTo(Json.MAPPER.createObjectNode().put("trigger", "schedule"));
        assertThat(ScheduleDriver.scheduleInput(TEMPLATE, "TrackingPollerFunction", "Poll"))
                .isEqualTo(Json.MAPPER.createObjectNode().put("trigger", "schedule"));
    }

    @Test
    void aStatusFileInTheDeployedBucketMatchesTheStatusFileRuleAndNotTheCatalogs() {
        Map<String, String> deployed = Map.of("LabelBucket", "shipbridge-spain-labelbucket-1a2b");
        EventPattern statusFiles = new EventPattern(BucketRules.resolved(pattern("ImportStatusFileFunction",
                "StatusFileDropped"), deployed));
        EventPattern catalogs = new EventPattern(BucketRules.resolved(pattern("ImportCatalogFunction",
                "CatalogUploaded"), deployed));

        JsonNode dropped = objectCreated("shipbridge-spain-labelbucket-1a2b", "tracking-imports/ontime/status-1.csv");
        assertThat(statusFiles.matches(dropped)).isTrue();
        assertThat(catalogs.matches(dropped)).isFalse();
        assertThat(statusFiles.matches(objectCreated("another-bucket", "tracking-imports/ontime/status-1.csv")))
                .isFalse();
    }

    private static JsonNode pattern(String function, String event) {
        return TEMPLATE.resources().get(function).properties().path("Events").path(event).path("Properties")
                .path("Pattern");
    }

    private static JsonNode objectCreated(String bucket, String key) {
        ObjectNode event = Json.MAPPER.createObjectNode().put("source", "aws.s3").put("detail-type", "Object Created");
        ObjectNode detail = event.putObject("detail");
        detail.putObject("bucket").put("name", bucket);
        detail.putObject("object").put("key", key);
        return event;
    }
}
