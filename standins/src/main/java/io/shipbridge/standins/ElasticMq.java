package io.shipbridge.standins;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** ElasticMQ speaking the SQS JSON protocol, with queue ARNs in the stand-ins' region and account. */
public final class ElasticMq implements AutoCloseable {
    private final SQSRestServer server;
    private final URI endpoint;

    private ElasticMq(SQSRestServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    public static ElasticMq start(String region, String accountId) {
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withDynamicPort()
                .withAWSRegion(region)
                .withAWSAccountId(accountId)
                .start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new ElasticMq(server, port);
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
