package io.shipbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Json;
import io.shipbridge.standins.LocalAws;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The second backend is what it says: with {@code -Dshipbridge.aws=localstack} (the build's localstack-backend run),
 * DynamoDB, SQS, S3 and Secrets Manager answer from LocalStack, which reports them running. Skipped in the stand-ins'
 * run.
 */
class LocalStackBackendTest {

    @Test
    void dynamoDbSqsS3AndSecretsManagerAreLocalStacks() throws Exception {
        assumeTrue(LocalAws.onLocalStack(), "the stand-ins' run");
        LocalAws aws = TestStack.localAws();
        assertThat(aws.dynamoDbOnLocalStack()).as("DynamoDB Local placed for LocalStack").isTrue();
        for (URI endpoint : new URI[] {aws.dynamoDbEndpoint(), aws.sqsEndpoint(), aws.s3Endpoint(),
                URI.create(aws.clientSettings().get("AWS_ENDPOINT_URL_SECRETSMANAGER"))}) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    endpoint.resolve("/_localstack/health")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode services = Json.read(health.body(), JsonNode.class).path("services");
            assertThat(services.path("dynamodb").asText()).as(endpoint.toString()).isEqualTo("running");
            assertThat(services.path("sqs").asText()).isIn("running", "available");
            assertThat(services.path("s3").asText()).isIn("running", "available");
            assertThat(services.path("secretsmanager").asText()).isIn("running", "available");
        }
        assertThat(aws.dynamoDb().listTables().tableNames()).contains(aws.resources().tableName("ShipbridgeTable"));
        aws.sqs().listQueues();
        assertThat(aws.s3().listBuckets().buckets()).isNotEmpty();
    }
}
