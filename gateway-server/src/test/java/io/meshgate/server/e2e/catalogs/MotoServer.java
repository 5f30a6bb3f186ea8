package io.meshgate.server.e2e.catalogs;

import io.meshgate.server.e2e.python.PythonEnvironment;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test fixture: moto's server, a local endpoint speaking the AWS Glue and S3 APIs, on a free port
 * of 127.0.0.1. It runs from {@code target/moto-venv}, made from the pinned
 * {@code moto/requirements.txt} with the machine's {@code python3} and PyPI (again only when the
 * requirements change). Its state lives in memory and goes with the process.
 */
final class MotoServer implements AutoCloseable {
    /** moto accepts any keys; these are what the tests give. */
    static final String ACCESS_KEY = "moto-access-key";
    static final String SECRET_KEY = "moto-secret-key";
    private static final long START_SECONDS = 60;

    private final Process process;
    private final int port;

    private MotoServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static MotoServer start() throws IOException, InterruptedException, URISyntaxException {
        Path target = Path.of("target").toAbsolutePath();
        Path requirements = Path.of(MotoServer.class.getResource("/moto/requirements.txt").toURI());
        PythonEnvironment python = PythonEnvironment.ensure(target.resolve("moto-venv"), requirements);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = target.resolve("moto-server.log");
        Process process = new ProcessBuilder(List.of(python.python(), "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port)))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (!answers(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("Cannot start moto's server on port " + port + " (see " + log + "):\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            Thread.sleep(100);
        }
        return new MotoServer(process, port);
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code http://127.0.0.1:port}: the Glue and the S3 endpoint. */
    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
