package io.shipbridge.local.iam;

import io.shipbridge.aws.AwsApiCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What an SDK request asks of IAM, as AWS authorizes it: the IAM action (which is not always the operation's name:
 * S3's HeadObject needs {@code s3:GetObject}, SQS's batch calls their single action, a DynamoDB transaction each of
 * its items' actions), the resource ARN as the offline cloud names its resources, and {@code dynamodb:LeadingKeys}.
 */
public final class AwsCalls {
    private static final Pattern EQUALITY = Pattern.compile("([#A-Za-z0-9_.]+)\\s*=\\s*(:[A-Za-z0-9_]+)");
    private static final Map<String, String> SERVICE_PREFIXES = Map.of("dynamodb", "dynamodb", "sqs", "sqs", "s3",
            "s3", "sfn", "states");
    private static final Map<String, String> ACTIONS = Map.of("s3:HeadObject", "s3:GetObject",
            "s3:ListObjectsV2", "s3:ListBucket", "s3:ListObjects", "s3:ListBucket",
            "sqs:SendMessageBatch", "sqs:SendMessage", "sqs:DeleteMessageBatch", "sqs:DeleteMessage",
            "sqs:ChangeMessageVisibilityBatch", "sqs:ChangeMessageVisibility");

    private final String region;
    private final String account;
    private final BiFunction<String, String, String> partitionKey;
    private final Function<String, String> queueArn;
    private final Function<String, String> stateMachineOfToken;

    /**
     * @param partitionKey        the partition key attribute of a table, or of its index when the second argument
     *                            names one
     * @param queueArn            a queue's ARN from its URL
     * @param stateMachineOfToken the ARN of the state machine whose execution issued a task token
     */
    public AwsCalls(String region, String account, BiFunction<String, String, String> partitionKey,
            Function<String, String> queueArn, Function<String, String> stateMachineOfToken) {
        this.region = region;
        this.account = account;
        this.partitionKey = partitionKey;
        this.queueArn = queueArn;
        this.stateMachineOfToken = stateMachineOfToken;
    }

    /** The service's IAM prefix, from the request's SDK package ({@code ...services.sfn.model} is {@code states}). */
    public static String servicePrefix(SdkRequest request) {
        String pkg = request.getClass().getPackageName();
        String service = pkg.substring("software.amazon.awssdk.services.".length(), pkg.lastIndexOf('.'));
        String prefix = SERVICE_PREFIXES.get(service);
        if (prefix == null) {
            throw new IllegalArgumentException("No IAM service prefix known for " + pkg);
        }
        return prefix;
    }

    public List<AwsCall> of(SdkRequest request) {
        String prefix = servicePrefix(request);
        String operation = request.getClass().getSimpleName().replaceFirst("Request$", "");
        String action = ACTIONS.getOrDefault(prefix + ":" + operation, prefix + ":" + operation);
        return switch (prefix) {
            case "dynamodb" -> dynamoDb(request, action);
            case "sqs" -> List.of(new AwsCall(action, queueArn.apply(field(request, "QueueUrl"))));
            case "s3" -> List.of(new AwsCall(action, s3Resource(request, action)));
            case "states" -> List.of(new AwsCall(action, stepFunctionsResource(request)));
            default -> throw new IllegalStateException(prefix);
        };
    }

    /**
     * The same for a call signed without an SDK client: SES's SendEmail, Transfer Family's connector calls, Secrets
     * Manager's GetSecretValue (the secret as the function names it, by its ARN).
     */
    public List<AwsCall> of(AwsApiCall call) {
        return switch (call.service()) {
            case "ses" -> {
                String from = required(call, "FromEmailAddress");
                yield List.of(new AwsCall(call.action(), arn("ses", "identity/" + identity(from)),
                        Map.of("ses:FromAddress", List.of(from))));
            }
            case "transfer" -> List.of(new AwsCall(call.action(), arn("transfer", "connector/"
                    + required(call, "ConnectorId"))));
            case "secretsmanager" -> List.of(new AwsCall(call.action(), required(call, "SecretId")));
            default -> throw new IllegalArgumentException("No IAM resource known for " + call.action());
        };
    }

    private static String required(AwsApiCall call, String name) {
        String value = call.request().path(name).asText(null);
        if (value == null) {
            throw new IllegalArgumentException(call.operation() + " has no " + name);
        }
        return value;
    }

    private List<AwsCall> dynamoDb(SdkRequest request, String action) {
        List<AwsCall> calls = new ArrayList<>();
        if (request instanceof GetItemRequest get) {
            calls.add(item(action, get.tableName(), get.key()));
        } else if (request instanceof PutItemRequest put) {
            calls.add(item(action, put.tableName(), put.item()));
        } else if (request instanceof UpdateItemRequest update) {
            calls.add(item(action, update.tableName(), update.key()));
        } else if (request instanceof DeleteItemRequest delete) {
            calls.add(item(action, delete.tableName(), delete.key()));
        } else if (request instanceof QueryRequest query) {
            calls.add(query(query));
        } else if (request instanceof TransactWriteItemsRequest transaction) {
            // Each item is authorized as the single-item call it stands for (PutItem, UpdateItem...).
            for (TransactWriteItem item : transaction.transactItems()) {
                if (item.put() != null) {
                    calls.add(item("dynamodb:PutItem", item.put().tableName(), item.put().item()));
                } else if (item.update() != null) {
                    calls.add(item("dynamodb:UpdateItem", item.update().tableName(), item.update().key()));
                } else if (item.delete() != null) {
                    calls.add(item("dynamodb:DeleteItem", item.delete().tableName(), item.delete().key()));
                } else if (item.conditionCheck() != null) {
                    calls.add(item("dynamodb:ConditionCheckItem", item.conditionCheck().tableName(),
                            item.conditionCheck().key()));
                }
            }
        } else if (request instanceof TransactGetItemsRequest transaction) {
            transaction.transactItems().forEach(item -> calls.add(item("dynamodb:GetItem", item.get().tableName(),
                    item.get().key())));
        } else if (request instanceof BatchWriteItemRequest batch) {
            // The batch action, once per table, with the partition keys of all its items.
            batch.requestItems().forEach((table, writes) -> calls.add(new AwsCall(action, tableArn(table, null),
                    Map.of(AwsCall.LEADING_KEYS, writes.stream().map(write -> leadingKey(table, keyOf(write)))
                            .distinct().toList()))));
        } else if (request instanceof BatchGetItemRequest batch) {
            batch.requestItems().forEach((table, keys) -> calls.add(new AwsCall(action, tableArn(table, null),
                    Map.of(AwsCall.LEADING_KEYS, keys.keys().stream().map(key -> leadingKey(table, key))
                            .distinct().toList()))));
        } else {
            Optional<String> table = request.getValueForField("TableName", String.class);
            calls.add(new AwsCall(action, table.map(name -> tableArn(name, null)).orElse("*")));
        }
        return calls;
    }

    private static Map<String, AttributeValue> keyOf(WriteRequest write) {
        return write.putRequest() != null ? write.putRequest().item() : write.deleteRequest().key();
    }

    private AwsCall item(String action, String table, Map<String, AttributeValue> key) {
        return new AwsCall(action, tableArn(table, null), Map.of(AwsCall.LEADING_KEYS,
                List.of(leadingKey(table, key))));
    }

    private String leadingKey(String table, Map<String, AttributeValue> key) {
        AttributeValue value = key.get(partitionKey.apply(table, null));
        return value == null ? "" : value.s() != null ? value.s() : value.n() != null ? value.n() : value.toString();
    }

    /** A Query's partition key value: the one its key condition sets the table's (or index's) key equal to. */
    private AwsCall query(QueryRequest query) {
        String keyName = partitionKey.apply(query.tableName(), query.indexName());
        String value = null;
        if (query.keyConditionExpression() != null) {
            Matcher equality = EQUALITY.matcher(query.keyConditionExpression());
            while (equality.find() && value == null) {
                String name = equality.group(1);
                if (name.startsWith("#")) {
                    name = query.expressionAttributeNames().getOrDefault(name, name);
                }
                if (name.equals(keyName)) {
                    AttributeValue attribute = query.expressionAttributeValues().get(equality.group(2));
                    value = attribute == null ? null : attribute.s();
                }
            }
        } else if (query.keyConditions().containsKey(keyName)) {
            value = query.keyConditions().get(keyName).attributeValueList().get(0).s();
        }
        return new AwsCall("dynamodb:Query", tableArn(query.tableName(), query.indexName()),
                value == null ? Map.of() : Map.of(AwsCall.LEADING_KEYS, List.of(value)));
    }

    private String tableArn(String table, String index) {
        return arn("dynamodb", "table/" + table + (index == null ? "" : "/index/" + index));
    }

    private static String s3Resource(SdkRequest request, String action) {
        String bucket = field(request, "Bucket");
        Optional<String> key = request.getValueForField("Key", String.class);
        return "arn:aws:s3:::" + bucket + (key.isPresent() && !action.equals("s3:ListBucket") ? "/" + key.get() : "");
    }

    private String stepFunctionsResource(SdkRequest request) {
        Optional<String> token = request.getValueForField("taskToken", String.class);
        if (token.isPresent()) {
            return stateMachineOfToken.apply(token.get());
        }
        return request.getValueForField("stateMachineArn", String.class)
                .or(() -> request.getValueForField("executionArn", String.class)).orElse("*");
    }

    /** The SES identity an address is sent under: the address itself (a domain identity would also cover it). */
    private static String identity(String address) {
        int angle = address.indexOf('<');
        return angle >= 0 ? address.substring(angle + 1, address.indexOf('>', angle)) : address;
    }

    private String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + account + ":" + resource;
    }

    private static String field(SdkRequest request, String name) {
        return request.getValueForField(name, String.class).orElseThrow(() -> new IllegalArgumentException(
                request.getClass().getSimpleName() + " has no " + name));
    }
}
