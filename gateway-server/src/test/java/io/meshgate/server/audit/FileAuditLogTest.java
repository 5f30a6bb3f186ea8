package io.meshgate.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAuditLogTest {
    private static final QueryAuditor RECORDS = new QueryAuditor(AuditLog.none(), AuditFixtures.governance());

    private static AuditRecord record(int n) {
        QueryEvent event = AuditFixtures.completed(List.of(AuditFixtures.restrictedOrders()));
        return RECORDS.toRecord(new QueryEvent(new UUID(0, n), event.time(), event.principal(), event.client(), event.sql(),
                event.relations(), n, event.bytes(), event.planning(), event.execution(), event.outcome(), event.error()));
    }

    @Test
    void createsParentDirectoriesAndAppendsOneLinePerRecord(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("logs/2026/audit.jsonl");
        try (AuditLog log = AuditLog.toFile(file)) {
            log.write(record(1));
        }
        try (AuditLog log = AuditLog.toFile(file)) {
            log.write(record(2));
            assertEquals(2, Files.readAllLines(file).size(), "flushed before write returns");
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(List.of(new UUID(0, 1).toString(), new UUID(0, 2).toString()),
                lines.stream().map(FileAuditLogTest::queryId).toList(), "appended, not overwritten");
    }

    @Test
    void concurrentWritersNeverInterleaveLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        int threads = 8;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (AuditLog log = AuditLog.toFile(file)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int base = t * perThread;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        log.write(record(base + i));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        Set<String> ids = new HashSet<>();
        for (String line : Files.readAllLines(file)) {
            ids.add(queryId(line));
        }
        assertEquals(threads * perThread, ids.size());
    }

    @Test
    void writingAfterCloseFails(@TempDir Path dir) {
        AuditLog log = AuditLog.toFile(dir.resolve("audit.jsonl"));
        log.close();
        assertThrows(IllegalStateException.class, () -> log.write(record(1)));
    }

    @Test
    void noFileMeansNoLog(@TempDir Path dir) throws Exception {
        try (AuditLog log = AuditLog.of(java.util.Optional.empty())) {
            log.write(record(1));
        }
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    private static String queryId(String line) {
        try {
            return new ObjectMapper().readTree(line).get("query_id").asText();
        } catch (Exception e) {
            throw new AssertionError("not one JSON record: " + line, e);
        }
    }
}
