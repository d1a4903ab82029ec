package io.shipbridge.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.shipbridge.app.Components;
import io.shipbridge.config.Json;
import io.shipbridge.operator.ApiRequest;
import io.shipbridge.operator.ApiResponse;
import io.shipbridge.operator.OperatorApi;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The operator API's routes under {@code /api/v1} (IAM-signed requests only): translates API Gateway's event to an
 * {@link ApiRequest}, the caller being the IAM principal that signed it, and the answer back.
 */
public final class OperatorApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final OperatorApi api;
    private final SnapStartPriming priming;

    public OperatorApiHandler() {
        this(Components.fromEnvironment());
    }

    public OperatorApiHandler(Components components) {
        this.api = components.operatorApi();
        this.priming = SnapStartPriming.register(components, RuntimeEventJson.httpApi());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            String body = event.getBody();
            ApiResponse response;
            try {
                if (body != null && event.getIsBase64Encoded()) {
                    body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
                }
                response = api.handle(new ApiRequest(event.getRouteKey(), event.getPathParameters(),
                        event.getQueryStringParameters(), body, caller(event)));
            } catch (IllegalArgumentException notBase64) {
                response = ApiResponse.error(400, "the body is marked base64 but is not");
            }
            return APIGatewayV2HTTPResponse.builder().withStatusCode(response.status())
                    .withHeaders(Map.of("Content-Type", "application/json")).withBody(Json.write(response.body()))
                    .build();
        });
    }

    /** The IAM principal API Gateway verified the signature of. */
    private static String caller(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        var iam = context == null || context.getAuthorizer() == null ? null : context.getAuthorizer().getIam();
        if (iam == null) {
            return "unknown";
        }
        return iam.getUserArn() != null ? iam.getUserArn() : String.valueOf(iam.getAccessKey());
    }
}
