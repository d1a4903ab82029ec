package io.shipbridge.local.cost;

import io.shipbridge.aws.AwsApiCall;
import io.shipbridge.aws.AwsApiInterceptor;
import io.shipbridge.local.iam.AwsCalls;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SqsRequest;
import software.amazon.awssdk.services.s3.model.S3Request;

/**
 * Meters a function's AWS calls as AWS bills them. DynamoDB is asked for the capacity each call consumed
 * ({@code ReturnConsumedCapacity=INDEXES}, so item size and indexes count as DynamoDB counts them), except for
 * transactions, which DynamoDB Local reports otherwise than DynamoDB bills: {@link TransactionCapacity} works those
 * out; a
 * conditional write DynamoDB refuses is billed too, at least one write unit, and is counted as that minimum (as is
 * each item of a cancelled transaction, twice). SQS counts each 64 KB of a message as one request, S3 splits PUT-class
 * from GET-class requests, and every Secrets Manager call that succeeds counts (a signed call: {@link #afterApiCall}).
 */
public final class MeteringInterceptor implements AwsApiInterceptor {
    private static final int SQS_CHUNK = 64 * 1024;
    private static final ExecutionAttribute<TransactionCapacity.Before> TRANSACTION = new ExecutionAttribute<>(
            "TransactionBefore");

    private final UsageMeter meter;
    private final double memoryGb;
    private final NetworkWaits waits;
    private final TransactionCapacity transactions;

    /** @param memoryMb the function's configured memory, billed while it waits for each call */
    public MeteringInterceptor(UsageMeter meter, int memoryMb, NetworkWaits waits, TransactionCapacity transactions) {
        this.meter = meter;
        this.memoryGb = memoryMb / 1024.0;
        this.waits = waits;
        this.transactions = transactions;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof TransactWriteItemsRequest transaction) {
            attributes.putAttribute(TRANSACTION, transactions.before(transaction));
        }
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        ReturnConsumedCapacity indexes = ReturnConsumedCapacity.INDEXES;
        return switch (context.request()) {
            case GetItemRequest r -> r.toBuilder().returnConsumedCapacity(indexes).build();
            case PutItemRequest r -> r.toBuilder().returnConsumedCapacity(indexes).build();
            case UpdateItemRequest r -> r.toBuilder().returnConsumedCapacity(indexes).build();
            case DeleteItemRequest r -> r.toBuilder().returnConsumedCapacity(indexes).build();
            case QueryRequest r -> r.toBuilder().returnConsumedCapacity(indexes).build();
            case ScanRequest r -> r.toBuilder().returnConsumedCapacity(indexes).build();
            case BatchGetItemRequest r -> r.toBuilder().returnConsumedCapacity(indexes).build();
            case BatchWriteItemRequest r -> r.toBuilder().returnConsumedCapacity(indexes).build();
            case TransactGetItemsRequest r -> r.toBuilder().returnConsumedCapacity(indexes).build();
            case TransactWriteItemsRequest r -> r.toBuilder().returnConsumedCapacity(indexes).build();
            default -> context.request();
        };
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        SdkResponse response = context.response();
        waited(request);
        switch (response) {
            case GetItemResponse r -> reads(List.of(orNone(r.consumedCapacity())));
            case QueryResponse r -> reads(List.of(orNone(r.consumedCapacity())));
            case ScanResponse r -> reads(List.of(orNone(r.consumedCapacity())));
            case BatchGetItemResponse r -> reads(r.consumedCapacity());
            case TransactGetItemsResponse r -> reads(r.consumedCapacity());
            case PutItemResponse r -> writes(List.of(orNone(r.consumedCapacity())));
            case UpdateItemResponse r -> writes(List.of(orNone(r.consumedCapacity())));
            case DeleteItemResponse r -> writes(List.of(orNone(r.consumedCapacity())));
            case BatchWriteItemResponse r -> writes(r.consumedCapacity());
            case TransactWriteItemsResponse r -> meter.add(BillableUnit.DYNAMODB_WRITE_UNITS,
                    transactions.writeUnits(attributes.getAttribute(TRANSACTION)));
            default -> meterOtherServices(request, context.requestBody());
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        waited(context.request());
        if (context.exception() instanceof ConditionalCheckFailedException) {
            meter.add(BillableUnit.DYNAMODB_WRITE_UNITS, 1);
        } else if (context.exception() instanceof TransactionCanceledException
                && context.request() instanceof TransactWriteItemsRequest transaction) {
            meter.add(BillableUnit.DYNAMODB_WRITE_UNITS, 2.0 * transaction.transactItems().size());
        }
    }

    /**
     * SES, Transfer Family and Secrets Manager, called without SDK clients: the function's wait, and each Secrets
     * Manager call that succeeds (as for the SDK's calls, a failed one is only waited for).
     */
    @Override
    public void afterApiCall(AwsApiCall call) {
        waited(call);
        if (call.service().equals("secretsmanager")) {
            meter.add(BillableUnit.SECRETS_MANAGER_CALLS);
        }
    }

    @Override
    public void onApiCallFailure(AwsApiCall call, RuntimeException failure) {
        waited(call);
    }

    private void waited(AwsApiCall call) {
        meter.add(BillableUnit.LAMBDA_GB_SECONDS, memoryGb * waits.of(call.service()));
    }

    private void waited(SdkRequest request) {
        meter.add(BillableUnit.LAMBDA_GB_SECONDS, memoryGb * waits.of(AwsCalls.servicePrefix(request)));
    }

    private void meterOtherServices(SdkRequest request, Optional<RequestBody> body) {
        switch (request) {
            case SendMessageRequest r -> meter.add(BillableUnit.SQS_REQUESTS, chunks(utf8Length(r.messageBody())));
            case SendMessageBatchRequest r -> meter.add(BillableUnit.SQS_REQUESTS, chunks(r.entries().stream()
                    .map(SendMessageBatchRequestEntry::messageBody).mapToLong(MeteringInterceptor::utf8Length).sum()));
            case SqsRequest r -> meter.add(BillableUnit.SQS_REQUESTS);
            case PutObjectRequest r -> {
                meter.add(BillableUnit.S3_PUT_REQUESTS);
                meter.add(BillableUnit.S3_BYTES_PUT, body.flatMap(RequestBody::optionalContentLength).orElse(0L));
            }
            case CopyObjectRequest r -> meter.add(BillableUnit.S3_PUT_REQUESTS);
            case ListObjectsV2Request r -> meter.add(BillableUnit.S3_PUT_REQUESTS);
            case ListObjectsRequest r -> meter.add(BillableUnit.S3_PUT_REQUESTS);
            case S3Request r -> meter.add(BillableUnit.S3_GET_REQUESTS);
            default -> {
            }
        }
    }

    private void reads(List<ConsumedCapacity> consumed) {
        meter.add(BillableUnit.DYNAMODB_READ_UNITS, total(consumed));
    }

    private void writes(List<ConsumedCapacity> consumed) {
        meter.add(BillableUnit.DYNAMODB_WRITE_UNITS, total(consumed));
    }

    private static double total(List<ConsumedCapacity> consumed) {
        return consumed == null ? 0 : consumed.stream().filter(c -> c != null && c.capacityUnits() != null)
                .mapToDouble(ConsumedCapacity::capacityUnits).sum();
    }

    private static ConsumedCapacity orNone(ConsumedCapacity consumed) {
        return consumed == null ? ConsumedCapacity.builder().build() : consumed;
    }

    private static long utf8Length(String text) {
        return text == null ? 0 : text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private static long chunks(long bytes) {
        return Math.max(1, (bytes + SQS_CHUNK - 1) / SQS_CHUNK);
    }
}
