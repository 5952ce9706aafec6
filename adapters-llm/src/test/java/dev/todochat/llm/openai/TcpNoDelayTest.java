package dev.todochat.llm.openai;

import dev.todochat.testing.openai.OpenAiStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TcpNoDelayTest {
    private final OpenAiStub stub = OpenAiStub.start();

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void should_make_every_socket_with_tcp_nodelay() throws IOException {
        SocketFactory factory = new NoDelaySocketFactory(SocketFactory.getDefault());
        InetAddress loopback = InetAddress.getLoopbackAddress();

        try (Socket unconnected = factory.createSocket();
             Socket byName = factory.createSocket("127.0.0.1", stub.port());
             Socket byAddress = factory.createSocket(loopback, stub.port());
             Socket byNameFromLocal = factory.createSocket("127.0.0.1", stub.port(), loopback, 0);
             Socket byAddressFromLocal = factory.createSocket(loopback, stub.port(), loopback, 0)) {
            for (Socket socket : List.of(unconnected, byName, byAddress, byNameFromLocal, byAddressFromLocal)) {
                assertThat(socket.getTcpNoDelay()).isTrue();
            }
        }
    }

    @Test
    void should_send_model_calls_over_sockets_with_tcp_nodelay() throws SocketException {
        RecordingSocketFactory plain = new RecordingSocketFactory();
        stub.replyText("Hello!");

        try (OpenAiModel model = new OpenAiModel(Models.settings(stub), plain, Sleeper.REAL, Clock.systemUTC())) {
            model.reply(Models.prompt("hi"));

            assertThat(plain.created()).isNotEmpty();
            for (Socket socket : plain.created()) {
                assertThat(socket.isConnected()).isTrue();
                assertThat(socket.getTcpNoDelay()).isTrue();
            }
        }
    }

    /** Plain sockets (Nagle on), remembered so that the test can look at them after the call. */
    private static final class RecordingSocketFactory extends SocketFactory {
        private final List<Socket> created = new ArrayList<>();

        synchronized List<Socket> created() {
            return List.copyOf(created);
        }

        private synchronized Socket record(Socket socket) {
            created.add(socket);
            return socket;
        }

        @Override
        public Socket createSocket() {
            return record(new Socket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return record(new Socket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return record(new Socket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return record(new Socket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return record(new Socket(address, port, localAddress, localPort));
        }
    }
}
