package io.shipbridge.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.shipbridge.config.Json;
import io.shipbridge.local.cost.BillableUnit;
import io.shipbridge.local.cost.UsageMeter;
import io.shipbridge.local.sim.HttpService;
import io.shipbridge.standins.CloudFormationTemplate;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template's HTTP API routes on a loopback port: each request becomes an API Gateway HTTP API event (payload
 * format 2.0) for the route's function, and the function's response becomes the HTTP response, as API Gateway does,
 * with the route's throttle from the template (429 beyond it) and API Gateway's 10 MB payload limit. The functions are
 * the offline cloud's, or, in LocalStack's tests, the deployed ones (LocalStack's free edition has no HTTP API).
 */
public final class HttpApiGateway implements AutoCloseable {
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /**
     * A route: method and path template, e.g. POST /api/v1/carriers/{carrier}/webhook.
     *
     * @param iam whether the route takes only IAM-signed requests
     */
    private record Route(String method, String path, Pattern pattern, List<String> parameters, FunctionTarget target,
            boolean iam, RouteThrottle throttle) {

        String routeKey() {
            return method + " " + path;
        }
    }

    private static final Pattern SIGV4 = Pattern.compile(
            "^AWS4-HMAC-SHA256 Credential=([A-Za-z0-9]+)/\\d{8}/[a-z0-9-]+/execute-api/aws4_request, "
                    + "SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$");

    /** API Gateway's payload limit. */
    private static final int MAX_PAYLOAD = 10 * 1024 * 1024;
    /** HTTP APIs bill each 512 KB of a request as one request. */
    private static final int BILLED_CHUNK = 512 * 1024;

    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final HttpService server;
    private final UsageMeter usage;

    public HttpApiGateway(int port, UsageMeter usage) {
        this.usage = usage;
        this.server = HttpService.start(port, this::handle);
    }

    public URI baseUrl() {
        return server.baseUrl();
    }

    /**
     * Whether an {@code HttpApi} event's route takes only IAM-signed requests: its API's default authorizer says so
     * and the route does not opt out.
     */
    public static boolean requiresIam(CloudFormationTemplate template, JsonNode eventProperties) {
        CloudFormationTemplate.Resource api = template.resources().get(eventProperties.path("ApiId").path("Ref")
                .asText(""));
        boolean byDefault = api != null && "AWS_IAM".equals(api.properties().path("Auth")
                .path("DefaultAuthorizer").asText());
        return byDefault && !"NONE".equals(eventProperties.path("Auth").path("Authorizer").asText());
    }

    /** A route without a throttle. */
    public void route(String method, String path, FunctionTarget target, boolean iam) {
        route(method, path, target, iam, RouteThrottle.unlimited());
    }

    void route(String method, String path, FunctionTarget target, boolean iam, RouteThrottle throttle) {
        List<String> names = new java.util.ArrayList<>();
        Matcher placeholders = Pattern.compile("\\{([^}]+)}").matcher(path);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (placeholders.find()) {
            regex.append(Pattern.quote(path.substring(last, placeholders.start()))).append("([^/]+)");
            names.add(placeholders.group(1));
            last = placeholders.end();
        }
        regex.append(Pattern.quote(path.substring(last)));
        routes.add(new Route(method.toUpperCase(Locale.ROOT), path, Pattern.compile(regex.toString()), names, target,
                iam, throttle));
    }

    /** A route's throttle rate in requests a second (infinite when it has none). */
    double rateLimit(String routeKey) {
        return routes.stream().filter(r -> r.routeKey().equals(routeKey)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No route " + routeKey)).throttle().ratePerSecond();
    }

    List<String> routeKeys() {
        return routes.stream().map(Route::routeKey).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        for (Route route : routes) {
            Matcher match = route.pattern().matcher(path);
            if (route.method().equals(method) && match.matches()) {
                if (!route.throttle().tryAcquire()) {
                    exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
                    HttpService.respond(exchange, 429, "application/json",
                            "{\"message\":\"Too Many Requests\"}".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                byte[] body = exchange.getRequestBody().readNBytes(MAX_PAYLOAD + 1);
                if (body.length > MAX_PAYLOAD) {
                    HttpService.respond(exchange, 413, "application/json",
                            "{\"message\":\"Request Entity Too Large\"}".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                ObjectNode event = event(exchange, route, match, body);
                if (route.iam()) {
                    Optional<String> accessKey = signedBy(exchange);
                    if (accessKey.isEmpty()) {
                        HttpService.respond(exchange, 403, "application/json",
                                "{\"message\":\"Forbidden\"}".getBytes(StandardCharsets.UTF_8));
                        return;
                    }
                    ((ObjectNode) event.get("requestContext")).putObject("authorizer").putObject("iam")
                            .put("accessKey", accessKey.get()).put("accountId", "000000000000")
                            .put("callerId", accessKey.get())
                            .put("userArn", "arn:aws:iam::000000000000:user/" + accessKey.get());
                }
                byte[] response;
                usage.add(BillableUnit.HTTP_API_REQUESTS, Math.max(1, (body.length + BILLED_CHUNK - 1) / BILLED_CHUNK));
                try {
                    response = route.target().invoke(Json.MAPPER.writeValueAsBytes(event));
                } catch (FunctionError e) {
                    HttpService.respond(exchange, 500, "application/json",
                            "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                reply(exchange, Json.MAPPER.readTree(response));
                return;
            }
        }
        HttpService.respond(exchange, 404, "application/json",
                "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The access key of a request signed with AWS Signature Version 4, as an IAM route requires. Like API Gateway,
     * an unsigned request is refused; unlike it, the signature itself is not recomputed here (the offline cloud has
     * no IAM), so any well-formed SigV4 Authorization header passes.
     */
    private static Optional<String> signedBy(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher credential = authorization == null ? null : SIGV4.matcher(authorization);
        return credential != null && credential.find() ? Optional.of(credential.group(1)) : Optional.empty();
    }

    private static ObjectNode event(HttpExchange exchange, Route route, Matcher match, byte[] body) {
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        // A body that says it is text but is not UTF-8 travels base64-encoded, so its bytes reach the function as sent.
        boolean text = (contentType.contains("json") || contentType.startsWith("text/") || contentType.contains("xml"))
                && isUtf8(body);
        Instant now = Instant.now();
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", route.routeKey());
        event.put("rawPath", exchange.getRequestURI().getPath());
        event.put("rawQueryString", exchange.getRequestURI().getRawQuery() == null ? ""
                : exchange.getRequestURI().getRawQuery());
        ObjectNode headers = event.putObject("headers");
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        Map<String, String> query = HttpService.query(exchange.getRequestURI());
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            query.forEach(parameters::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000").put("apiId", "local").put("domainName", "127.0.0.1")
                .put("domainPrefix", "local").put("requestId", UUID.randomUUID().toString())
                .put("routeKey", route.routeKey()).put("stage", "$default").put("time", REQUEST_TIME.format(now))
                .put("timeEpoch", now.toEpochMilli());
        context.putObject("http").put("method", exchange.getRequestMethod())
                .put("path", exchange.getRequestURI().getPath()).put("protocol", exchange.getProtocol())
                .put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress())
                .put("userAgent", String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
        if (!route.parameters().isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            for (int i = 0; i < route.parameters().size(); i++) {
                parameters.put(route.parameters().get(i), match.group(i + 1));
            }
        }
        event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
        event.put("isBase64Encoded", !text);
        return event;
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void reply(HttpExchange exchange, JsonNode response) {
        if (!response.isObject() || !response.has("statusCode")) {
            HttpService.respond(exchange, 200, "application/json",
                    response.toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.path("headers").fields().forEachRemaining(header ->
                exchange.getResponseHeaders().set(header.getKey(), header.getValue().asText()));
        String body = response.path("body").asText("");
        byte[] bytes = response.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        HttpService.respond(exchange, response.get("statusCode").asInt(), null, bytes);
    }

    @Override
    public void close() {
        server.close();
    }
}
