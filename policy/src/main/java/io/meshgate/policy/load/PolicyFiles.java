package io.meshgate.policy.load;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The policy files of a directory as read at one moment: every {@code *.yaml} and {@code *.yml}
 * file directly in it, by name, with its text, and what could not be read.
 */
record PolicyFiles(SortedMap<String, String> texts, List<PolicyProblem> problems) {
    PolicyFiles {
        texts = new TreeMap<>(requireNonNull(texts, "texts is null"));
        problems = List.copyOf(requireNonNull(problems, "problems is null"));
    }

    static PolicyFiles read(Path directory) {
        String where = directory.toString();
        if (!Files.isDirectory(directory)) {
            return failed(new PolicyProblem(where, 0, Rules.UNREADABLE, "not a directory (point the policy location at the folder holding the *.yaml files)"));
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(directory)) {
            files = entries.filter(PolicyFiles::isPolicyFile).sorted().toList();
        } catch (IOException e) {
            return failed(new PolicyProblem(where, 0, Rules.UNREADABLE, "cannot list the directory: " + e.getMessage()));
        }
        if (files.isEmpty()) {
            return failed(new PolicyProblem(where, 0, Rules.NO_FILES, "no *.yaml or *.yml files (an empty policy would deny everything;"
                    + " write at least one file)"));
        }
        SortedMap<String, String> texts = new TreeMap<>();
        List<PolicyProblem> problems = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                texts.put(name, Files.readString(file, StandardCharsets.UTF_8));
            } catch (CharacterCodingException e) {
                problems.add(new PolicyProblem(name, 0, Rules.UNREADABLE, "not UTF-8 text"));
            } catch (IOException e) {
                problems.add(new PolicyProblem(name, 0, Rules.UNREADABLE, "cannot read the file: " + e.getMessage()));
            }
        }
        return new PolicyFiles(texts, problems);
    }

    /** A hash of every file's name and text (and of what could not be read): equal when nothing changed. */
    String fingerprint() {
        StringBuilder all = new StringBuilder();
        for (Map.Entry<String, String> file : texts.entrySet()) {
            all.append(file.getKey().length()).append(':').append(file.getKey())
                    .append(file.getValue().length()).append(':').append(file.getValue());
        }
        problems.forEach(problem -> all.append('!').append(problem));
        return Sha256.hex(all.toString());
    }

    private static PolicyFiles failed(PolicyProblem problem) {
        return new PolicyFiles(new TreeMap<>(), List.of(problem));
    }

    private static boolean isPolicyFile(Path path) {
        String name = path.getFileName().toString();
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && Files.isRegularFile(path);
    }
}
