package org.switchboard.core.calls.infrastructure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.calls.application.CdrRecords;
import org.switchboard.core.calls.model.CdrRow;
import org.switchboard.core.calls.model.Disposition;
import org.switchboard.core.csv.Csv;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Asterisk's {@code Master.csv} (cdr_csv with {@code loguniqueid = yes}): 18 columns, times in the PBX's zone
 * (cdr_csv's default, {@code usegmtime = no}). Rows are appended as calls end, so the rows of a recent window are
 * found by reading the file's tail, growing it until the window's start is passed: a year of rows is not read
 * for an hour's gap. A row that does not parse is skipped and logged with its place and the field.
 */
public final class MasterCsv implements CdrRecords {

    private static final Logger log = LoggerFactory.getLogger(MasterCsv.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int FIRST_TAIL = 1 << 20;

    private final Path file;
    private final ZoneId pbxZone;

    public MasterCsv(Path file, ZoneId pbxZone) {
        this.file = file;
        this.pbxZone = pbxZone;
    }

    public Path file() {
        return file;
    }

    /** Throws, saying why, unless the file can be read (a missing file is fine: Asterisk writes it at the first call). */
    public void check() {
        if (Files.exists(file) && !Files.isReadable(file)) {
            throw new UncheckedIOException(new IOException(file + ": not readable by this user"));
        }
    }

    @Override
    public String describe() {
        return file.toString();
    }

    /** The rows of calls that ended in [from, to], in file order. */
    @Override
    public List<CdrRow> endedBetween(Instant from, Instant to) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            for (long tail = Math.min(size, FIRST_TAIL); ; tail = Math.min(size, tail * 4)) {
                List<CdrRow> rows = rows(in, size - tail, size);
                boolean reachedStart = tail == size || rows.isEmpty() || rows.get(0).end().isBefore(from);
                if (reachedStart) {
                    return rows.stream().filter(r -> !r.end().isBefore(from) && !r.end().isAfter(to)).toList();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The whole rows in bytes [from, to): a row cut at {@code from} is left out. */
    private List<CdrRow> rows(RandomAccessFile in, long from, long to) throws IOException {
        byte[] bytes = new byte[(int) (to - from)];
        in.seek(from);
        in.readFully(bytes);
        int start = 0;
        if (from > 0) {
            while (start < bytes.length && bytes[start] != '\n') {
                start++;
            }
            start++;
        }
        List<CdrRow> rows = new ArrayList<>();
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                String line = new String(bytes, start, i - start, StandardCharsets.UTF_8).strip();
                if (!line.isEmpty()) {
                    parse(line, file + " at byte " + (from + start)).ifPresent(rows::add);
                }
                start = i + 1;
            }
        }
        return rows;
    }

    private java.util.Optional<CdrRow> parse(String line, String where) {
        List<String> f = Csv.parseLine(line);
        try {
            if (f.size() < 17) {
                throw new IllegalArgumentException(f.size() + " columns, not 17 or more (is loguniqueid = yes in cdr.conf?)");
            }
            String disposition = f.get(14).equalsIgnoreCase("CONGESTION") ? "FAILED" : f.get(14);
            Disposition.fromCdrName(disposition); // refuses one Asterisk does not write
            return java.util.Optional.of(new CdrRow(f.get(1), f.get(2), f.get(3), f.get(5), f.get(6), f.get(7),
                    f.get(8), time(f.get(9), "start"), f.get(10).isEmpty() ? null : time(f.get(10), "answer"),
                    time(f.get(11), "end"), number(f.get(13), "billsec"), disposition, required(f.get(16), "uniqueid"),
                    where));
        } catch (IllegalArgumentException e) {
            log.warn("{}: {} — row skipped", where, e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private Instant time(String s, String field) {
        try {
            return LocalDateTime.parse(s, TIME).atZone(pbxZone).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + s + "' is not a time like 2026-11-23 07:52:07");
        }
    }

    private static int number(String s, String field) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": '" + s + "' is not a whole number");
        }
    }

    private static String required(String s, String field) {
        if (s.isBlank()) {
            throw new IllegalArgumentException(field + " is empty");
        }
        return s;
    }
}
