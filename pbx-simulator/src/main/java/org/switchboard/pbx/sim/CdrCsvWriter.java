package org.switchboard.pbx.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The simulator's CDR store, kept as Asterisk keeps it: cdr_csv and cdr_manager are fed the same CDR, so each
 * {@code Cdr} event the simulator sends is also appended to {@code Master.csv} ({@code loguniqueid = yes},
 * {@code loguserfield = yes}: 18 columns, every field quoted except the empty answer time and the numbers, times as
 * the event has them, in the PBX's zone) — whether or not a client is connected to hear the event.
 */
final class CdrCsvWriter {

    /** Master.csv's columns, from the Cdr event's fields. */
    private static final List<String> COLUMNS = List.of("AccountCode", "Source", "Destination",
            "DestinationContext", "CallerID", "Channel", "DestinationChannel", "LastApplication", "LastData",
            "StartTime", "AnswerTime", "EndTime", "Duration", "BillableSeconds", "Disposition", "AMAFlags",
            "UniqueID", "UserField");
    private static final java.util.Set<String> NUMBERS = java.util.Set.of("Duration", "BillableSeconds");

    private final Path file;

    CdrCsvWriter(Path file) {
        this.file = file;
    }

    synchronized void append(AmiMessage cdr) {
        StringBuilder row = new StringBuilder();
        for (String column : COLUMNS) {
            String v = cdr.get(column) == null ? "" : cdr.get(column);
            if (row.length() > 0) {
                row.append(',');
            }
            if (NUMBERS.contains(column) || v.isEmpty() && column.equals("AnswerTime")) {
                row.append(v);
            } else {
                row.append('"').append(v.replace("\"", "\"\"")).append('"');
            }
        }
        row.append('\n');
        try {
            Files.writeString(file, row, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("simulator: cannot append to " + file, e);
        }
    }
}
