package io.shipbridge.standins;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import scala.concurrent.Await;
import scala.concurrent.duration.FiniteDuration;

/**
 * ElasticMQ speaking the SQS JSON protocol, with queue ARNs in the stand-ins' region and account. It runs on an actor
 * system of its own so that closing it ends every connection at once: ElasticMQ's own graceful stop waits up to a
 * minute for the SDK clients' idle keep-alive connections.
 */
public final class ElasticMq implements AutoCloseable {
    private final ActorSystem system;
    private final URI endpoint;

    private ElasticMq(ActorSystem system, int port) {
        this.system = system;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    public static ElasticMq start(String region, String accountId) {
        ActorSystem system = ActorSystem.create("elasticmq");
        int port = SQSRestServerBuilder.withActorSystem(system)
                .withInterface("127.0.0.1")
                .withDynamicPort()
                .withAWSRegion(region)
                .withAWSAccountId(accountId)
                .start()
                .waitUntilStarted().localAddress().getPort();
        return new ElasticMq(system, port);
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        system.terminate();
        try {
            Await.ready(system.whenTerminated(), FiniteDuration.apply(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("ElasticMQ did not stop within 10 s", e);
        }
    }
}
