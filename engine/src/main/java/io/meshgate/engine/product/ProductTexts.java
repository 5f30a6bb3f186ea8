package io.meshgate.engine.product;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The product files of a folder as read at one moment: every {@code *.yaml} and {@code *.yml}
 * file directly in it, by name, with its text, and what could not be read. An empty folder is
 * fine: products are then described by their table properties alone.
 */
record ProductTexts(SortedMap<String, String> texts, List<ProductProblem> problems) {
    ProductTexts {
        texts = new TreeMap<>(requireNonNull(texts, "texts is null"));
        problems = List.copyOf(requireNonNull(problems, "problems is null"));
    }

    static ProductTexts read(Path directory) {
        if (!Files.isDirectory(directory)) {
            return failed(new ProductProblem(directory.toString(), 0,
                    "not a folder (point products: at the folder that holds the product *.yaml files)"));
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(directory)) {
            files = entries.filter(ProductTexts::isProductFile).sorted().toList();
        } catch (IOException e) {
            return failed(new ProductProblem(directory.toString(), 0, "cannot list the folder: " + e.getMessage()));
        }
        SortedMap<String, String> texts = new TreeMap<>();
        List<ProductProblem> problems = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                texts.put(name, Files.readString(file, StandardCharsets.UTF_8));
            } catch (CharacterCodingException e) {
                problems.add(new ProductProblem(name, 0, "not UTF-8 text (save the file as UTF-8)"));
            } catch (IOException e) {
                problems.add(new ProductProblem(name, 0, "cannot read the file: " + e.getMessage()));
            }
        }
        return new ProductTexts(texts, problems);
    }

    /** A hash of every file's name and text (and of what could not be read): equal when nothing changed. */
    String fingerprint() {
        StringBuilder all = new StringBuilder();
        for (Map.Entry<String, String> file : texts.entrySet()) {
            all.append(file.getKey().length()).append(':').append(file.getKey())
                    .append(file.getValue().length()).append(':').append(file.getValue());
        }
        problems.forEach(problem -> all.append('!').append(problem));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash the product files: this JVM has no SHA-256 (every Java SE runtime must)", e);
        }
    }

    private static ProductTexts failed(ProductProblem problem) {
        return new ProductTexts(new TreeMap<>(), List.of(problem));
    }

    private static boolean isProductFile(Path path) {
        String name = path.getFileName().toString();
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && Files.isRegularFile(path);
    }
}
