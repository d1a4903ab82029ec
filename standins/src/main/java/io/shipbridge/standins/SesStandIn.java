package io.shipbridge.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The part of Amazon SES (API v2) Shipbridge uses, over its REST-JSON wire protocol so the AWS SDK talks to it as to
 * AWS: {@code SendEmail} with simple content and attachments, from a verified identity (an address, or any address
 * of a verified domain) as SES requires. Each accepted message is kept and handed to the mailbox listener.
 */
public final class SesStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEND_EMAIL = "/v2/email/outbound-emails";

    /** A message SES accepted. */
    public record Mail(String messageId, String from, List<String> to, String subject, String text,
            List<Attachment> attachments) {
    }

    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    private final HttpServer server;
    private final String region;
    private final Set<String> verified = ConcurrentHashMap.newKeySet();
    private final List<Mail> sent = new CopyOnWriteArrayList<>();
    private volatile Consumer<Mail> mailbox = mail -> { };
    private volatile String outage;

    private SesStandIn(String region) {
        this.region = region;
        this.server = StandInServer.start("ses", 2, this::handle);
    }

    public static SesStandIn start(String region) {
        return new SesStandIn(region);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Verifies an identity, as the seller does in the SES console: an e-mail address or a domain. */
    public void verify(String identity) {
        verified.add(identity.toLowerCase(Locale.ROOT));
    }

    /** Where accepted messages go (the recipients' mail servers). */
    public void deliverTo(Consumer<Mail> listener) {
        this.mailbox = listener;
    }

    /** Every message accepted so far. */
    public List<Mail> sent() {
        return List.copyOf(sent);
    }

    /** Makes SES answer every send with a 500 until {@code null} is given (an outage). */
    public void outage(String message) {
        this.outage = message;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals(SEND_EMAIL)) {
                error(exchange, 404, "NotFoundException", "The stand-in implements only SendEmail");
                return;
            }
            if (outage != null) {
                error(exchange, 500, "InternalFailure", outage);
                return;
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            String problem = problem(request);
            if (problem != null) {
                error(exchange, 400, problem.startsWith("Email address is not verified") ? "MessageRejected"
                        : "BadRequestException", problem);
                return;
            }
            Mail mail = mail(request);
            sent.add(mail);
            mailbox.accept(mail);
            byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode().put("MessageId", mail.messageId()));
            reply(exchange, 200, body);
        }
    }

    private String problem(JsonNode request) {
        String from = request.path("FromEmailAddress").asText("");
        if (from.isEmpty()) {
            return "Missing required header 'From'.";
        }
        if (request.path("Destination").path("ToAddresses").isEmpty()) {
            return "Missing final '@domain'";
        }
        JsonNode simple = request.path("Content").path("Simple");
        if (simple.isMissingNode() || simple.path("Subject").path("Data").isMissingNode()) {
            return "The stand-in takes simple content with a subject only";
        }
        String address = from.replaceAll(".*<([^>]+)>.*", "$1").toLowerCase(Locale.ROOT);
        if (!verified.contains(address) && !verified.contains(address.substring(address.indexOf('@') + 1))) {
            return "Email address is not verified. The following identities failed the check in region "
                    + region.toUpperCase(Locale.ROOT) + ": " + from;
        }
        return null;
    }

    private static Mail mail(JsonNode request) {
        JsonNode simple = request.path("Content").path("Simple");
        List<String> to = new ArrayList<>();
        request.path("Destination").path("ToAddresses").forEach(address -> to.add(address.asText()));
        List<Attachment> attachments = new ArrayList<>();
        simple.path("Attachments").forEach(attachment -> attachments.add(new Attachment(
                attachment.path("FileName").asText(), attachment.path("ContentType").asText(null),
                Base64.getDecoder().decode(attachment.path("RawContent").asText()))));
        return new Mail(UUID.randomUUID().toString(), request.path("FromEmailAddress").asText(), List.copyOf(to),
                simple.path("Subject").path("Data").asText(), simple.path("Body").path("Text").path("Data").asText(""),
                List.copyOf(attachments));
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        reply(exchange, status, JSON.writeValueAsBytes(JSON.createObjectNode().put("message", message)));
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        StandInServer.reply(exchange, status, "application/json", body);
    }

    @Override
    public void close() {
        StandInServer.stop(server);
    }
}
