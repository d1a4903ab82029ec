package io.shipbridge.local.states;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** The task tokens of {@code .waitForTaskToken} tasks, and what SendTaskSuccess/Failure/Heartbeat do to them. */
final class TaskTokens {
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Boolean> closed = new ConcurrentHashMap<>();

    /** A task waiting for its token to come back. */
    static final class Pending {
        final CompletableFuture<JsonNode> result = new CompletableFuture<>();
        final Execution execution;
        volatile Instant lastHeartbeat;

        Pending(Execution execution, Instant issuedAt) {
            this.execution = execution;
            this.lastHeartbeat = issuedAt;
        }
    }

    /** Why a token was refused, in the API's error names. */
    static final class TokenRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String type;

        TokenRefused(String type, String message) {
            super(message);
            this.type = type;
        }
    }

    String issue(Execution execution, Instant now) {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String token = "AQB" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pending.put(token, new Pending(execution, now));
        return token;
    }

    /** Tokens issued whose task still waits for them. */
    int open() {
        return pending.size();
    }

    Pending get(String token) {
        return pending.get(token);
    }

    void close(String token) {
        if (pending.remove(token) != null) {
            closed.put(token, Boolean.TRUE);
        }
    }

    void succeed(String token, JsonNode output) {
        require(token).result.complete(output);
    }

    void fail(String token, String error, String cause) {
        require(token).result.completeExceptionally(new StatesError(error == null ? "" : error, cause));
    }

    void heartbeat(String token, Instant now) {
        require(token).lastHeartbeat = now;
    }

    private Pending require(String token) {
        if (token == null || token.isBlank()) {
            throw new TokenRefused("InvalidToken", "Invalid Token: empty");
        }
        Pending task = pending.get(token);
        if (task != null) {
            return task;
        }
        if (closed.containsKey(token)) {
            throw new TokenRefused("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
        }
        throw new TokenRefused("InvalidToken", "Invalid Token: 'Invalid token'");
    }
}
