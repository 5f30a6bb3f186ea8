package io.meshgate.server.e2e.python;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Python virtual environment under {@code target/} holding exactly the packages of a pinned
 * requirements file, made with the machine's {@code python3} (or {@code MESHGATE_PYTHON}) and
 * pip from PyPI. It is made again only when the requirements change.
 */
public final class PythonEnvironment {
    private static final long INSTALL_MINUTES = 15;

    private final Path home;

    private PythonEnvironment(Path home) {
        this.home = home;
    }

    /** The environment at {@code home} with {@code requirements} installed, made or reused. */
    public static PythonEnvironment ensure(Path home, Path requirements) throws IOException, InterruptedException {
        Path stamp = home.resolve("requirements.sha256");
        String wanted = sha256(Files.readAllBytes(requirements));
        if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(wanted)) {
            return new PythonEnvironment(home);
        }
        String python = System.getenv().getOrDefault("MESHGATE_PYTHON", "python3");
        run(List.of(python, "-m", "venv", "--clear", home.toString()), home.getParent(), Map.of(), home.resolveSibling(home.getFileName() + ".log"),
                "Cannot make a Python virtual environment with '" + python + "': Python 3.9+ with venv is needed for the"
                        + " Python client tests (install python3 and python3-venv, or set MESHGATE_PYTHON)");
        PythonEnvironment environment = new PythonEnvironment(home);
        run(List.of(environment.python(), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", requirements.toString()),
                home.getParent(), Map.of(), home.resolveSibling(home.getFileName() + ".log"),
                "Cannot install " + requirements + " from PyPI");
        Files.writeString(stamp, wanted);
        return environment;
    }

    /** The environment's interpreter. */
    public String python() {
        return home.resolve("bin").resolve("python").toString();
    }

    /**
     * Runs {@code command} in {@code directory} with {@code environment} added, its output to
     * {@code log}, and returns the output; fails with {@code failure} and the output's end when
     * it exits with another code than 0 or runs past the install time limit.
     */
    public static String run(List<String> command, Path directory, Map<String, String> environment, Path log, String failure)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError(failure + ": " + e.getMessage(), e);
        }
        if (!process.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(failure + ": still running after " + INSTALL_MINUTES + " minutes\n" + tail(log));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError(failure + " (exit code " + process.exitValue() + ", full output in " + log + ")\n" + tail(log));
        }
        return output;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
