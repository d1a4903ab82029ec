package io.shipbridge.local.iam;

import java.util.List;
import java.util.Map;

/**
 * What one AWS API call asks IAM for: an action (IAM's service prefix and action name, e.g. {@code dynamodb:PutItem})
 * on a resource ARN, with the request's condition keys (e.g. {@code dynamodb:LeadingKeys}, the partition key values it
 * touches). A call that touches several items or tables (a transaction) asks for several.
 */
public record AwsCall(String action, String resource, Map<String, List<String>> context) {
    public static final String LEADING_KEYS = "dynamodb:LeadingKeys";

    public AwsCall {
        context = Map.copyOf(context);
    }

    public AwsCall(String action, String resource) {
        this(action, resource, Map.of());
    }

    public List<String> leadingKeys() {
        return context.getOrDefault(LEADING_KEYS, List.of());
    }
}
