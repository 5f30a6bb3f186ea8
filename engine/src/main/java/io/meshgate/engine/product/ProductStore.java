package io.meshgate.engine.product;

import static java.util.Objects.requireNonNull;

import io.meshgate.yaml.FolderWatch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The product files in force, loaded from a folder and reloaded when they change. A reload that
 * finds any problem in any file is rejected whole: the problems are logged and the files in force
 * stay in force.
 */
public final class ProductStore implements Supplier<ProductFiles>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProductStore.class);
    static final String WATCH_THREAD = "meshgate-product-watch";

    private final Path directory;
    private volatile ProductFiles inForce;
    private volatile List<ProductProblem> lastReloadProblems = List.of();
    private String lastSeenFingerprint;
    private FolderWatch watcher;

    private ProductStore(Path directory, ProductFiles inForce) {
        this.directory = directory;
        this.inForce = inForce;
        this.lastSeenFingerprint = inForce.fingerprint();
    }

    /**
     * Loads the product files of {@code directory}.
     *
     * @throws ProductLoadException listing every problem when the files cannot be used
     */
    public static ProductStore open(Path directory) {
        requireNonNull(directory, "directory is null");
        return new ProductStore(directory, ProductFiles.load(directory));
    }

    /** The files in force. */
    @Override
    public ProductFiles get() {
        return inForce;
    }

    /** The problems that made the last changed files be rejected; empty when they were accepted or nothing changed since. */
    public List<ProductProblem> lastReloadProblems() {
        return lastReloadProblems;
    }

    /**
     * Reads the files again and, when their names or contents changed since last read, loads them
     * and puts them in force, or logs their problems and keeps the files in force.
     *
     * @return true when new files were put in force
     */
    public synchronized boolean reloadIfChanged() {
        ProductTexts texts = ProductTexts.read(directory);
        String fingerprint = texts.fingerprint();
        if (fingerprint.equals(lastSeenFingerprint)) {
            return false;
        }
        lastSeenFingerprint = fingerprint;
        if (fingerprint.equals(inForce.fingerprint())) {
            lastReloadProblems = List.of();
            return false;
        }
        try {
            ProductFiles files = ProductFiles.load(texts);
            inForce = files;
            lastReloadProblems = List.of();
            LOG.info("Product files in force from {}: {} product(s) described", directory, files.entries().size());
            return true;
        } catch (ProductLoadException e) {
            lastReloadProblems = e.problems();
            LOG.warn("Rejected the changed product files in {}: {} problem(s); the files in force stay in force:\n  {}", directory,
                    e.problems().size(), String.join("\n  ", e.problems().stream().map(ProductProblem::toString).toList()));
            return false;
        }
    }

    /** Checks the files every {@code interval} on a daemon thread named {@value #WATCH_THREAD} until {@link #close()}. */
    public synchronized void startWatching(Duration interval) {
        if (watcher != null) {
            throw new IllegalStateException("Cannot watch the product files in " + directory + ": already watching them");
        }
        watcher = FolderWatch.start("the product files in " + directory, WATCH_THREAD, interval, this::reloadIfChanged);
    }

    /** Stops watching; the files in force keep answering. */
    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }
}
