package io.shipbridge.local.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.lambda.powertools.logging.argument.StructuredArguments;

/**
 * Runs in a fresh JVM whose class path is the deployed jar (and this class): what the functions do in AWS that the
 * offline cloud never does, since it points every client at a stand-in. Each SDK client is built as Components builds
 * it, but with no endpoint override, and makes a call that is stopped before it is sent: its AWS endpoint is resolved
 * (by the endpoint rules, from the jar's classes alone). S3's presigner signs a link. Then two lines are logged through
 * the functions' Log4j configuration and Powertools' JSON layout, the second with an object as a structured argument.
 * Prints {@code HOSTS} and the hosts it reached.
 */
public final class FromTheJarProbe {
    private static final String REGION = "eu-west-1";
    private static final String ACCOUNT = "123456789012";

    private FromTheJarProbe() {
    }

    /** A value for the log, of a type only Jackson knows how to write. */
    public record Parcel(String id, int grams) {
    }

    /** Thrown where a call would be sent. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped before sending", null, false, false);
        }
    }

    public static void main(String[] args) {
        List<String> hosts = new ArrayList<>();
        ExecutionInterceptor stop = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                hosts.add(context.httpRequest().host());
                throw new Stopped();
            }
        };
        stopped(() -> aws(DynamoDbClient.builder(), stop).build().getItem(r -> r.tableName("Shipbridge")
                .key(Map.of("pk", AttributeValue.fromS("ORDER#1")))));
        stopped(() -> aws(SqsClient.builder(), stop).build().sendMessage(r -> r.queueUrl(
                "https://sqs." + REGION + ".amazonaws.com/" + ACCOUNT + "/tracking").messageBody("{}")));
        stopped(() -> aws(SfnClient.builder(), stop).build().sendTaskSuccess(r -> r.taskToken("token").output("{}")));
        stopped(() -> aws(S3Client.builder(), stop).build().headObject(r -> r.bucket("labels").key("a.pdf")));
        try (S3Presigner presigner = S3Presigner.builder().region(Region.of(REGION)).credentialsProvider(credentials())
                .build()) {
            hosts.add(presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket("labels").key("a.pdf"))).url().getHost());
        }
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("io.shipbridge.probe");
        log.info("Endpoints resolved from the jar");
        // An object Powertools' JSON writer does not know: written by Powertools' JsonConfig (JMESPath's runtime).
        log.info("A structured argument", StructuredArguments.entry("parcel", new Parcel("P1", 1200)));
        System.out.println("HOSTS " + String.join(",", hosts));
    }

    private static void stopped(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof Stopped) {
                    return;
                }
            }
            throw e;
        }
        throw new IllegalStateException("The call was sent");
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B aws(B builder,
            ExecutionInterceptor stop) {
        return builder.region(Region.of(REGION)).credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(stop));
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDPROBE", "probe-secret"));
    }
}
