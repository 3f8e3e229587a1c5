package org.switchboard.billing.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Money is exact: no {@code double} or {@code float} anywhere in billing's main code (comments aside). */
class NoFloatingPointMoneyTest {

    private static final Pattern FLOATING = Pattern.compile("\\b(double|float|Double|Float)\\b");

    @Test
    void billingSourcesUseNoFloatingPointTypes() throws IOException {
        Path main = Path.of("src/main/java");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(main)) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    String code = Files.readString(p).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
                    return FLOATING.matcher(code).find() ? Stream.of(p.toString()) : Stream.empty();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        long checked;
        try (Stream<Path> files = Files.walk(main)) {
            checked = files.filter(p -> p.toString().endsWith(".java")).count();
        }
        assertTrue(checked >= 10, "the scan saw billing's sources (" + checked + ")");
        assertEquals(List.of(), offenders);
    }
}
