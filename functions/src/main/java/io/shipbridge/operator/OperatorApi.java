package io.shipbridge.operator;

import io.shipbridge.fulfilment.OrderRetry;
import io.shipbridge.order.ConcurrentTransitionException;
import io.shipbridge.order.IllegalTransitionException;
import io.shipbridge.order.OrderNotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator API under {@code /api/v1}: each route to its endpoint, and every refusal to a 4xx with its reason
 * (an unknown order 404, a move the order's state does not allow 409, a malformed request 400), with nothing
 * changed. The route keys are the template's, one HttpApi event each.
 */
public final class OperatorApi {
    private static final Logger LOG = LoggerFactory.getLogger(OperatorApi.class);

    private final Map<String, Function<ApiRequest, ApiResponse>> routes = new LinkedHashMap<>();

    public OperatorApi(OrderEndpoints orders, LogEndpoints logs, SystemEndpoints system) {
        routes.put("GET /api/v1/logs/orders-view", orders::list);
        routes.put("GET /api/v1/orders/{orderId}", orders::one);
        routes.put("POST /api/v1/orders/{orderId}/retry", orders::retry);
        routes.put("POST /api/v1/orders/{orderId}/cancel", orders::cancel);
        routes.put("GET /api/v1/logs/operations", logs::operations);
        routes.put("GET /api/v1/logs/exports/{file}", logs::export);
        routes.put("GET /api/v1/health", system::health);
        routes.put("POST /api/v1/orchestrator/fetch-orders", system::fetch);
        routes.put("POST /api/v1/dead-letters/tracking/redrive", system::redrive);
    }

    public List<String> routeKeys() {
        return List.copyOf(routes.keySet());
    }

    public ApiResponse handle(ApiRequest request) {
        Function<ApiRequest, ApiResponse> endpoint = routes.get(request.routeKey());
        if (endpoint == null) {
            return ApiResponse.error(404, "no route " + request.routeKey());
        }
        try {
            return endpoint.apply(request);
        } catch (BadRequestException | IllegalArgumentException e) {
            return ApiResponse.error(400, e.getMessage());
        } catch (OrderNotFoundException e) {
            return ApiResponse.error(404, e.getMessage());
        } catch (OrderRetry.NotRetryableException | IllegalTransitionException | ConcurrentTransitionException e) {
            return ApiResponse.error(409, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} failed", request.routeKey(), e);
            return ApiResponse.error(500, "internal error: " + e.getClass().getSimpleName()
                    + " (the function's log has the details)");
        }
    }
}
