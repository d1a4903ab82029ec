package io.shipbridge.operator;

/** What the operator API answers: a status and a JSON body. */
public record ApiResponse(int status, Object body) {

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body);
    }

    public static ApiResponse error(int status, String message) {
        return new ApiResponse(status, java.util.Map.of("error", message));
    }
}
