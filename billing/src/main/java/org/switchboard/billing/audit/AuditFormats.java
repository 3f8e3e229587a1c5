package org.switchboard.billing.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The audit table as printed text, as CSV for a spreadsheet, and as a printable HTML page. */
public final class AuditFormats {

    private AuditFormats() {
    }

    /** Plain text with aligned columns (Chinese characters count two columns, as a terminal shows them). */
    public static String text(AuditTable t) {
        StringBuilder out = new StringBuilder();
        t.heading().forEach(h -> out.append(h).append('\n'));
        for (AuditTable.Section s : t.sections()) {
            out.append('\n').append(s.title()).append('\n');
            if (s.rows().isEmpty()) {
                out.append("  (none)\n");
                continue;
            }
            int[] widths = new int[s.header().size()];
            List<List<String>> all = new ArrayList<>();
            all.add(s.header());
            all.addAll(s.rows());
            for (List<String> row : all) {
                for (int i = 0; i < row.size(); i++) {
                    widths[i] = Math.max(widths[i], width(row.get(i)));
                }
            }
            for (int n = 0; n < all.size(); n++) {
                if (s.totalRow() && n == all.size() - 1) {
                    rule(out, widths);
                }
                List<String> row = all.get(n);
                StringBuilder line = new StringBuilder(" ");
                for (int i = 0; i < row.size(); i++) {
                    line.append(' ').append(row.get(i)).append(" ".repeat(widths[i] - width(row.get(i)))).append(' ');
                }
                out.append(line.toString().stripTrailing()).append('\n');
                if (n == 0) {
                    rule(out, widths);
                }
            }
        }
        return out.append('\n').append(t.reconciliation()).append('\n').toString();
    }

    /** CSV, UTF-8 with a byte-order mark so spreadsheets read the Chinese names; CRLF line ends. */
    public static byte[] csv(AuditTable t) {
        StringBuilder out = new StringBuilder("\uFEFF");
        t.heading().forEach(h -> csvRow(out, List.of(h)));
        for (AuditTable.Section s : t.sections()) {
            out.append("\r\n");
            csvRow(out, List.of(s.title()));
            csvRow(out, s.header());
            s.rows().forEach(r -> csvRow(out, r));
        }
        out.append("\r\n");
        csvRow(out, List.of(t.reconciliation()));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A self-contained page styled for printing on A4 landscape. */
    public static String html(AuditTable t) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n<title>")
                .append(esc(t.heading().get(0))).append("</title>\n<style>\n")
                .append("body{font:11px/1.35 sans-serif;margin:16px}h1{font-size:15px;margin:0 0 4px}")
                .append("p.meta{margin:2px 0;color:#333}h2{font-size:12px;margin:14px 0 4px}")
                .append("table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:2px 4px}")
                .append("th{background:#eee;text-align:left}td.n{text-align:right}tr.total td{font-weight:bold}")
                .append("p.recon{font-weight:bold;margin-top:14px}")
                .append("@media print{@page{size:A4 landscape;margin:10mm}body{margin:0}h2{break-after:avoid}tr{break-inside:avoid}}\n")
                .append("</style></head><body>\n<h1>").append(esc(t.heading().get(0))).append("</h1>\n");
        t.heading().subList(1, t.heading().size()).forEach(h -> out.append("<p class=\"meta\">").append(esc(h)).append("</p>\n"));
        for (AuditTable.Section s : t.sections()) {
            out.append("<h2>").append(esc(s.title())).append("</h2>\n");
            if (s.rows().isEmpty()) {
                out.append("<p>(none)</p>\n");
                continue;
            }
            out.append("<table><thead><tr>");
            s.header().forEach(h -> out.append("<th>").append(esc(h)).append("</th>"));
            out.append("</tr></thead><tbody>\n");
            for (int n = 0; n < s.rows().size(); n++) {
                out.append(s.totalRow() && n == s.rows().size() - 1 ? "<tr class=\"total\">" : "<tr>");
                for (String cell : s.rows().get(n)) {
                    out.append(cell.matches("-?\\d+(\\.\\d+)?") ? "<td class=\"n\">" : "<td>").append(esc(cell)).append("</td>");
                }
                out.append("</tr>\n");
            }
            out.append("</tbody></table>\n");
        }
        return out.append("<p class=\"recon\">").append(esc(t.reconciliation())).append("</p>\n</body></html>\n").toString();
    }

    private static void rule(StringBuilder out, int[] widths) {
        StringBuilder line = new StringBuilder(" ");
        for (int w : widths) {
            line.append(' ').append("-".repeat(w)).append(' ');
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static void csvRow(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i > 0) {
                out.append(',');
            }
            // A leading = + - @ would be taken for a formula by a spreadsheet; numbers are left as numbers.
            boolean formula = !c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0 && !c.matches("-\\d+(\\.\\d+)?");
            String v = formula ? "'" + c : c;
            out.append(v.matches(".*[\",\r\n].*") || v.contains("\n") ? '"' + v.replace("\"", "\"\"") + '"' : v);
        }
        out.append("\r\n");
    }

    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += (cp >= 0x1100 && (cp <= 0x115F || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                    || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                    || (cp >= 0xFFE0 && cp <= 0xFFE6))) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
