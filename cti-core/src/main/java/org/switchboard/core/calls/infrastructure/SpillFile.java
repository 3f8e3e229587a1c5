package org.switchboard.core.calls.infrastructure;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.switchboard.core.calls.model.CompletedCall;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Completed calls that could not be stored when the daemon stopped (the database was down), kept as JSON lines in
 * a folder until the next start stores them. A file is written whole or not at all (written aside, then moved),
 * and read back exactly: a line that does not parse is an error naming the file and line.
 */
public final class SpillFile {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path dir;

    public SpillFile(Path dir) {
        this.dir = dir;
    }

    /** Writes {@code calls} to a new file; returns it. */
    public Path write(List<CompletedCall> calls, Instant at) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("calls-" + at.toEpochMilli() + ".jsonl");
            Path aside = dir.resolve(file.getFileName() + ".part");
            try (BufferedWriter out = Files.newBufferedWriter(aside, StandardCharsets.UTF_8)) {
                for (CompletedCall c : calls) {
                    out.write(JSON.writeValueAsString(c));
                    out.write('\n');
                }
            }
            Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir, e);
        }
    }

    /** The files left by earlier stops, oldest first. */
    public List<Path> files() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("calls-\\d+\\.jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    public List<CompletedCall> read(Path file) {
        List<CompletedCall> calls = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                try {
                    calls.add(JSON.readValue(lines.get(i), CompletedCall.class));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(file + ":" + (i + 1) + ": not a held call: " + e.getOriginalMessage(), e);
                }
            }
            return calls;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
