package org.switchboard.core.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Rows of Asterisk's Master.csv (cdr_csv, loguniqueid=yes, loguserfield=yes), as recorded beside each transcript. */
public record MasterCsv(String src, String dst, String dcontext, String channel, String lastData, String disposition,
                        int duration, int billsec, String uniqueId) {

    public static List<MasterCsv> forScenario(String scenario) {
        try (InputStream in = MasterCsv.class.getResourceAsStream("/transcripts/" + scenario + ".cdr.csv")) {
            List<MasterCsv> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = org.switchboard.core.csv.Csv.parseLine(line);
                rows.add(new MasterCsv(f.get(1), f.get(2), f.get(3), f.get(5), f.get(8), f.get(14),
                        Integer.parseInt(f.get(12)), Integer.parseInt(f.get(13)), f.get(16)));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
