package io.shipbridge.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.local.states.Execution;
import io.shipbridge.standins.CloudFormationTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The value now of every metric the template's alarms read, alarm by alarm, as the offline cloud knows it: the
 * functions' own metrics (totals), Lambda's errors and throttles per function, Step Functions' ended executions, and
 * the queues' visible messages. The offline cloud has no CloudWatch to put alarms in states; two readings with every
 * input equal mean no alarm can have changed state between them.
 */
final class AlarmInputs {
    private AlarmInputs() {
    }

    static Map<String, Map<String, Double>> read(CloudFormationTemplate template, OfflineCloud cloud) {
        Map<String, Map<String, Double>> byAlarm = new TreeMap<>();
        template.resources().values().stream().filter(r -> r.type().equals("AWS::CloudWatch::Alarm")).forEach(alarm -> {
            Map<String, Double> inputs = new TreeMap<>();
            for (JsonNode metric : metricsOf(alarm.properties())) {
                String key = metric.path("Namespace").asText() + "/" + metric.path("MetricName").asText()
                        + dimensions(metric.path("Dimensions"));
                inputs.put(key, value(cloud, metric));
            }
            byAlarm.put(alarm.logicalId(), inputs);
        });
        return byAlarm;
    }

    /** A plain alarm's one metric, or each {@code MetricStat} of a metric-math alarm. */
    private static List<JsonNode> metricsOf(JsonNode properties) {
        List<JsonNode> metrics = new ArrayList<>();
        if (properties.has("MetricName")) {
            metrics.add(properties);
        }
        properties.path("Metrics").forEach(m -> {
            if (m.has("MetricStat")) {
                metrics.add(m.path("MetricStat").path("Metric"));
            }
        });
        return metrics;
    }

    private static double value(OfflineCloud cloud, JsonNode metric) {
        String name = metric.path("MetricName").asText();
        String subject = subject(metric.path("Dimensions"));
        return switch (metric.path("Namespace").asText()) {
            case "AWS/Lambda" -> switch (name) {
                case "Errors" -> cloud.functions().get(subject).errors();
                case "Invocations" -> cloud.functions().get(subject).invocations();
                default -> throw new IllegalStateException("No reading of AWS/Lambda " + name);
            };
            case "AWS/States" -> cloud.engine().executions().stream()
                    .filter(e -> e.status() == statusOf(name)).count();
            case "AWS/SQS" -> Double.parseDouble(cloud.aws().sqs().getQueueAttributes(a -> a
                    .queueUrl(cloud.aws().resources().queueUrl(subject))
                    .attributeNamesWithStrings(name.replace("ApproximateNumberOfMessagesVisible",
                            "ApproximateNumberOfMessages"))).attributesAsStrings().values().iterator().next());
            default -> cloud.metrics().total(name + extraDimensions(metric.path("Dimensions")));
        };
    }

    private static Execution.Status statusOf(String metricName) {
        return switch (metricName) {
            case "ExecutionsSucceeded" -> Execution.Status.SUCCEEDED;
            case "ExecutionsFailed" -> Execution.Status.FAILED;
            case "ExecutionsTimedOut" -> Execution.Status.TIMED_OUT;
            case "ExecutionsAborted" -> Execution.Status.ABORTED;
            default -> throw new IllegalStateException("No reading of AWS/States " + metricName);
        };
    }

    /** The logical id a dimension names ({@code !Ref X} or {@code !GetAtt X.Name}), for the AWS namespaces. */
    private static String subject(JsonNode dimensions) {
        for (JsonNode dimension : dimensions) {
            JsonNode value = dimension.path("Value");
            if (value.has("Ref")) {
                return value.get("Ref").asText();
            }
            if (value.has("Fn::GetAtt")) {
                JsonNode getAtt = value.get("Fn::GetAtt");
                return getAtt.isArray() ? getAtt.get(0).asText() : getAtt.asText().split("\\.")[0];
            }
        }
        return "";
    }

    /** As the offline cloud keeps a metric's extra dimensions: {@code |State=X}; Service is every metric's. */
    private static String extraDimensions(JsonNode dimensions) {
        StringBuilder key = new StringBuilder();
        dimensions.forEach(d -> {
            if (!d.path("Name").asText().equals("Service")) {
                key.append('|').append(d.path("Name").asText()).append('=').append(d.path("Value").asText());
            }
        });
        return key.toString();
    }

    private static String dimensions(JsonNode dimensions) {
        List<String> parts = new ArrayList<>();
        dimensions.forEach(d -> parts.add(d.path("Name").asText() + "=" + (d.path("Value").isTextual()
                ? d.path("Value").asText() : d.path("Value").toString())));
        return parts.isEmpty() ? "" : parts.toString();
    }
}
