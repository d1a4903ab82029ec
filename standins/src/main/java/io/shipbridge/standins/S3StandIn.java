package io.shipbridge.standins;

import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import java.net.URI;

/** An in-memory S3 (LocalS3); clients must use path-style addressing. */
public final class S3StandIn implements AutoCloseable {
    private final LocalS3 server;
    private final URI endpoint;

    private S3StandIn(LocalS3 server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    public static S3StandIn start() {
        int port = FreePort.find();
        LocalS3 server = LocalS3.builder().port(port).mode(LocalS3Mode.IN_MEMORY).build();
        server.start();
        return new S3StandIn(server, port);
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
