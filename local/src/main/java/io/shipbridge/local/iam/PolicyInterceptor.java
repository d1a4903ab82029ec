package io.shipbridge.local.iam;

import io.shipbridge.aws.AwsApiCall;
import io.shipbridge.aws.AwsApiException;
import io.shipbridge.aws.AwsApiInterceptor;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Holds every call of one function's AWS clients to the function's IAM policy, before it leaves the JVM: a call the
 * policy does not allow fails as AWS fails it, with the service's own exception type, error code
 * {@code AccessDeniedException} (S3: {@code AccessDenied}, 403) and AWS's message. The calls the functions sign
 * themselves (SES, Transfer Family) are held to it the same way, failing as those calls fail on a service's error.
 */
public final class PolicyInterceptor implements AwsApiInterceptor {
    private final PolicyEvaluator evaluator;
    private final AwsCalls calls;

    public PolicyInterceptor(PolicyEvaluator evaluator, AwsCalls calls) {
        this.evaluator = evaluator;
        this.calls = calls;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
        SdkRequest request = context.request();
        denial(calls.of(request)).ifPresent(message -> {
            throw accessDenied(AwsCalls.servicePrefix(request), message);
        });
    }

    @Override
    public void beforeApiCall(AwsApiCall call) {
        denial(calls.of(call)).ifPresent(message -> {
            throw new AwsApiException(call.service(), call.operation(), 400, "AccessDeniedException", message);
        });
    }

    private Optional<String> denial(List<AwsCall> asked) {
        for (AwsCall call : asked) {
            Optional<String> denied = evaluator.evaluate(call);
            if (denied.isPresent()) {
                return denied;
            }
        }
        return Optional.empty();
    }

    static AwsServiceException accessDenied(String servicePrefix, String message) {
        AwsServiceException.Builder builder = switch (servicePrefix) {
            case "dynamodb" -> DynamoDbException.builder();
            case "sqs" -> SqsException.builder();
            case "s3" -> S3Exception.builder();
            case "states" -> SfnException.builder();
            default -> AwsServiceException.builder();
        };
        boolean s3 = servicePrefix.equals("s3");
        return builder.message(message).statusCode(s3 ? 403 : 400).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode(s3 ? "AccessDenied" : "AccessDeniedException").errorMessage(message)
                .serviceName(servicePrefix).build()).build();
    }
}
