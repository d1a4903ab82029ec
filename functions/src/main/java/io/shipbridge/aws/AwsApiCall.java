package io.shipbridge.aws;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A call of an AWS API that Shipbridge makes without the service's SDK module ({@link SignedJsonApi}), as an
 * {@link AwsApiInterceptor} sees it.
 *
 * @param service   the service's IAM prefix ({@code ses}, {@code transfer}, {@code secretsmanager})
 * @param operation the API operation, which is also its IAM action ({@code SendEmail})
 * @param request   the request's JSON, as sent
 */
public record AwsApiCall(String service, String operation, JsonNode request) {

    /** The IAM action the call needs: {@code ses:SendEmail}. */
    public String action() {
        return service + ":" + operation;
    }
}
