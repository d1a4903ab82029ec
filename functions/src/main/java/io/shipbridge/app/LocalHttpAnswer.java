package io.shipbridge.app;

import io.shipbridge.http.HttpSender;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One HTTP exchange of Mirakl's and the carriers' client with a socket of this process that answers {@code {}}: the
 * request's body sent, the answer's status, headers and body read, as a first call to Mirakl or a carrier would. Nothing
 * leaves the machine.
 */
final class LocalHttpAnswer {
    private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
            + "Connection: close\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII);

    private LocalHttpAnswer() {
    }

    /** False when the exchange did not end with the answer read. */
    static boolean exchange(HttpSender http) {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(2_000);
            Thread answering = new Thread(() -> answerOnce(server), "priming-http");
            answering.setDaemon(true);
            answering.start();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://"
                    + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort() + "/priming"))
                    .timeout(Duration.ofSeconds(2)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
            answering.join(2_000);
            return response.statusCode() == 200 && response.body().equals("{}");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Reads the request's head and its body of two bytes, answers, closes. */
    private static void answerOnce(ServerSocket server) {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
            }
            in.readNBytes(2);
            OutputStream out = socket.getOutputStream();
            out.write(ANSWER);
            out.flush();
        } catch (IOException e) {
            // The client sees the exchange fail and priming reports it.
        }
    }
}
