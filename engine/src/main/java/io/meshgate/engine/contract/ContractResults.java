package io.meshgate.engine.contract;

import static java.util.Objects.requireNonNull;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stored results of contract checks, in a folder: for each product a folder
 * {@code domain/schema/table/} holding one JSON file per snapshot checked
 * ({@code snapshot-<id>.json}, {@code snapshot-none.json} for a table without one; see
 * {@link ReportJson} for the fields) and a file {@code latest} naming the newest. Checking a
 * snapshot again replaces its file. Files are written whole and then moved into place, so a reader
 * never sees half a result.
 */
public final class ContractResults {
    private static final Logger LOG = LoggerFactory.getLogger(ContractResults.class);
    private static final String LATEST = "latest";

    private final Path directory;

    public ContractResults(Path directory) {
        this.directory = requireNonNull(directory, "directory is null");
    }

    /**
     * Stores {@code report} as the result of its snapshot and as its product's latest; returns the file.
     *
     * @throws MeshgateException with EXTERNAL_ERROR when the folder cannot be written
     */
    public Path store(ContractReport report) {
        requireNonNull(report, "report is null");
        Path folder = folder(report.product());
        String name = "snapshot-" + (report.snapshotId().isPresent() ? Long.toString(report.snapshotId().getAsLong()) : "none") + ".json";
        Path file = folder.resolve(name);
        try {
            Files.createDirectories(folder);
            replace(file, ReportJson.write(report));
            replace(folder.resolve(LATEST), name + "\n");
        } catch (IOException e) {
            throw new MeshgateException(ErrorCode.EXTERNAL_ERROR, "Cannot store the contract results of " + report.product() + " in " + folder
                    + ": " + e.getMessage() + " (check that the results folder can be written)", e);
        }
        return file;
    }

    /** The newest stored result of {@code product}; empty when it was never checked or its result cannot be read (then a warning is logged). */
    public Optional<ContractReport> latest(ProductName product) {
        requireNonNull(product, "product is null");
        return latestIn(folder(product));
    }

    /** The newest stored result of every product checked so far, sorted by product name. */
    public List<ContractReport> latest() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<ContractReport> reports = new ArrayList<>();
        try (Stream<Path> folders = Files.find(directory, 3, (path, attributes) -> attributes.isDirectory())) {
            for (Path folder : folders.filter(f -> directory.relativize(f).getNameCount() == 3).toList()) {
                latestIn(folder).ifPresent(reports::add);
            }
        } catch (IOException e) {
            throw new MeshgateException(ErrorCode.EXTERNAL_ERROR, "Cannot list the contract results in " + directory + ": " + e.getMessage()
                    + " (check that the results folder can be read)", e);
        }
        reports.sort(Comparator.comparing(report -> report.product().toString()));
        return reports;
    }

    private Optional<ContractReport> latestIn(Path folder) {
        Path file = null;
        try {
            file = folder.resolve(Files.readString(folder.resolve(LATEST), StandardCharsets.UTF_8).strip());
            return Optional.of(ReportJson.read(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            if (file != null) {
                LOG.warn("Contract results in {} name {} as the latest, which does not exist", folder, file.getFileName());
            }
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Cannot read the latest contract results in {}: {}", folder, e.getMessage());
            return Optional.empty();
        }
    }

    private Path folder(ProductName product) {
        return directory.resolve(segment(product.domain())).resolve(segment(product.schema())).resolve(segment(product.table()));
    }

    /**
     * A name as one folder name: letters, digits, {@code _}, {@code -} and {@code .} as they are,
     * any other character (and a leading dot) as {@code %XX} of its UTF-8 bytes, so that no name
     * can reach outside its folder or collide with another.
     */
    static String segment(String name) {
        StringBuilder segment = new StringBuilder();
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean plain = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_' || b == '-'
                    || (b == '.' && i > 0);
            segment.append(plain ? String.valueOf((char) b) : String.format("%%%02X", b));
        }
        return segment.toString();
    }

    private static void replace(Path file, String text) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
