package io.shipbridge.aws;

import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * An SDK interceptor that also sees the AWS calls Shipbridge signs itself ({@link SignedJsonApi}), which have no SDK
 * request object: how the offline cloud holds every call of a function to its IAM policy and meters it.
 */
public interface AwsApiInterceptor extends ExecutionInterceptor {

    /** Before the call is signed and sent; an exception thrown here fails the call (as AWS refusing it would). */
    default void beforeApiCall(AwsApiCall call) {
    }

    /** After the service answered with a success. */
    default void afterApiCall(AwsApiCall call) {
    }

    /** After the call failed: refused, answered with an error, or not answered. */
    default void onApiCallFailure(AwsApiCall call, RuntimeException failure) {
    }
}
