package io.shipbridge.handler;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.shipbridge.fulfilment.FailureRecording;

/** The error output of a Catch, as Step Functions writes it: {@code {"Error": "...", "Cause": "..."}}. */
public record CaughtError(@JsonProperty("Error") String error, @JsonProperty("Cause") String cause) {

    static final CaughtError NONE = new CaughtError(null, null);

    /** The error as a reason an operator reads. */
    String reason() {
        return FailureRecording.reason(error, cause);
    }
}
