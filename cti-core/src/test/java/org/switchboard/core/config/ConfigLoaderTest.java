package org.switchboard.core.config;

import org.junit.jupiter.api.Test;
import org.switchboard.core.calls.config.CdrStoreSettings;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    static final String MAIN = """
            hotel:
              name: Test Hotel
              timezone: Asia/Shanghai
            pbx:
              host: 127.0.0.1
              port: 5038
              username: cti
              secret: s3cret
            trunks:
              - name: pstn
                device: SIP/trunk
                did: "5550100"
            database:
              mode: embedded
            """;
    static final String EXTENSIONS = """
            departments:
              - id: front-desk
                name: Front Desk
            staff:
              - { extension: "8000", department: front-desk, name: Desk }
            rooms:
              - range: 101-105
              - { room: "PH1", extension: "501" }
            """;

    private void write(String main, String extensions) throws IOException {
        Files.writeString(dir.resolve("switchboard.yaml"), main);
        Files.writeString(dir.resolve("extensions.yaml"), extensions);
    }

    private List<String> errors(String main, String extensions) throws IOException {
        write(main, extensions);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir, dir));
        return e.errors().stream().map(ConfigError::toString).toList();
    }

    @Test
    void theShippedExampleConfigurationIsValid() {
        Path shipped = Path.of("..", "config");
        SwitchboardConfig c = ConfigLoader.load(shipped, Path.of(".."));
        assertEquals("Asia/Shanghai", c.hotelZone().getId());
        assertTrue(c.directory().extension("101").isPresent());
        assertEquals("front-desk", c.directory().extension("8000").orElseThrow().department());
    }

    @Test
    void aValidConfigurationGivesRoomsStaffTrunksAndZones() throws IOException {
        write(MAIN, EXTENSIONS);
        SwitchboardConfig c = ConfigLoader.load(dir, dir);
        assertEquals(7, c.directory().extensions().size());
        assertEquals("PH1", c.directory().extension("501").orElseThrow().room());
        assertEquals("Asia/Shanghai", c.ami().pbxZone().getId(), "the PBX zone defaults to the hotel's");
        assertEquals("5550100", c.did());
        assertTrue(c.directory().trunkForChannel("SIP/trunk-0000000b").isPresent());
        assertTrue(c.ami().toString().contains("****") && !c.ami().toString().contains("s3cret"),
                "the AMI secret never shows in text");
    }

    @Test
    void aBadPortIsReportedWithFileLineAndKey() throws IOException {
        List<String> errs = errors(MAIN.replace("port: 5038", "port: 70000"), EXTENSIONS);
        assertEquals(List.of(dir.resolve("switchboard.yaml") + ":6: pbx.port: '70000' is not a whole number from 1 to 65535"),
                errs);
    }

    @Test
    void everyMistakeIsReportedAtOnce() throws IOException {
        List<String> errs = errors(MAIN.replace("timezone: Asia/Shanghai", "timezone: Mars/Olympus")
                        .replace("host: 127.0.0.1", "hots: 127.0.0.1"),
                EXTENSIONS.replace("department: front-desk", "department: frontdesk")
                        .replace("range: 101-105", "range: 105-101"));
        String main = dir.resolve("switchboard.yaml").toString();
        String ext = dir.resolve("extensions.yaml").toString();
        assertTrue(errs.contains(main + ":3: hotel.timezone: 'Mars/Olympus' is not a time zone such as Asia/Shanghai"), errs.toString());
        assertTrue(errs.stream().anyMatch(e -> e.startsWith(main + ":5: pbx.hots: unknown key")), errs.toString());
        assertTrue(errs.contains(main + ":5: pbx.host: missing"), errs.toString());
        assertTrue(errs.contains(ext + ":5: staff[0].department: 'frontdesk' is not a department id listed under departments"),
                errs.toString());
        assertTrue(errs.contains(ext + ":7: rooms[0].range: '105-101' is not a range of room numbers like 101-130"),
                errs.toString());
    }

    @Test
    void theCdrStoreIsAMasterCsvThatCanBeRead() throws IOException {
        List<String> errs = errors(MAIN + "cdr-store:\n  csv-file: cdr/Master.csv\n", EXTENSIONS);
        int line = MAIN.split("\n", -1).length + 1;
        assertEquals(List.of(dir.resolve("switchboard.yaml") + ":" + line + ": cdr-store.csv-file: 'cdr/Master.csv' is not "
                + "Asterisk's Master.csv, readable by this user (or not written yet, in a folder that exists)"), errs);
        Files.createDirectories(dir.resolve("cdr"));
        write(MAIN + "cdr-store:\n  csv-file: cdr/Master.csv\n", EXTENSIONS);
        assertEquals(new CdrStoreSettings.CsvFile(dir.resolve("cdr/Master.csv")), ConfigLoader.load(dir, dir).cdrStore(),
                "not written yet, in a folder that exists: fine");
        assertEquals(List.of(dir.resolve("switchboard.yaml") + ":" + line + ": cdr-store: needs either csv-file "
                + "(Asterisk's Master.csv) or url (its cdr table), not neither"), errors(MAIN + "cdr-store:\n  csv: x\n",
                EXTENSIONS).stream().filter(e -> e.contains("needs either")).toList());
    }

    @Test
    void theCdrStoreIsACdrTableNamedWithItsUrlUserAndPasswordFile() throws IOException {
        String section = "cdr-store:\n  url: jdbc:mariadb://127.0.0.1:3306/asteriskcdrdb\n  user: switchboard\n"
                + "  password-file: cdr-password\n  table: asteriskcdrdb.cdr\n";
        int line = MAIN.split("\n", -1).length + 1;
        assertEquals(List.of(dir.resolve("switchboard.yaml") + ":" + (line + 2) + ": cdr-store.password-file: "
                + "'cdr-password' is not a file this user can read"), errors(MAIN + section, EXTENSIONS));
        Files.writeString(dir.resolve("cdr-password"), "s3cret\n");
        write(MAIN + section, EXTENSIONS);
        CdrStoreSettings.Table table = (CdrStoreSettings.Table) ConfigLoader.load(dir, dir).cdrStore();
        assertEquals("s3cret", table.password());
        assertEquals("asteriskcdrdb.cdr", table.table());
        assertEquals(dir.resolve("switchboard.yaml") + ":" + line, table.where());
        assertTrue(!table.toString().contains("s3cret"), "the password is never printed: " + table);

        List<String> errs = errors(MAIN + section.replace("jdbc:mariadb://", "mysql://").replace("asteriskcdrdb.cdr", "cdr; drop")
                + "  password: also\n", EXTENSIONS);
        assertEquals(List.of(
                dir.resolve("switchboard.yaml") + ":" + line + ": cdr-store: needs either password or password-file (a file holding it), not both",
                dir.resolve("switchboard.yaml") + ":" + line + ": cdr-store.url: 'mysql://127.0.0.1:3306/asteriskcdrdb' is not a JDBC URL jdbc:mariadb://HOST[:PORT]/DATABASE",
                dir.resolve("switchboard.yaml") + ":" + (line + 3) + ": cdr-store.table: 'cdr; drop' is not a table name (cdr, or database.cdr)")
                        .stream().sorted().toList(), errs.stream().sorted().toList());
    }

    @Test
    void anExtensionAssignedTwiceNamesBothLines() throws IOException {
        List<String> errs = errors(MAIN, EXTENSIONS + "  - { room: \"999\", extension: \"103\" }\n");
        assertEquals(List.of(dir.resolve("extensions.yaml") + ":9: rooms[2].extension: extension 103 is already assigned on line 7"),
                errs);
    }

    @Test
    void brokenYamlSyntaxNamesTheLine() throws IOException {
        List<String> errs = errors(MAIN.replace("  username: cti", "  username: [cti"), EXTENSIONS);
        assertTrue(errs.get(0).startsWith(dir.resolve("switchboard.yaml") + ":"), errs.toString());
        assertTrue(errs.get(0).contains("(syntax)"), errs.toString());
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        Files.writeString(dir.resolve("switchboard.yaml"), MAIN);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir, dir));
        assertEquals(dir.resolve("extensions.yaml") + ":0: (file): file not found", e.errors().get(0).toString());
    }

    @Test
    void metricsSettingsAreReadAndEveryMistakeNamed() throws IOException {
        String metrics = """
                metrics:
                  ring-cadence: [0.4, 0.2, 0.4, 2.0]
                  shifts:
                    - { name: day, start: "08:00" }
                    - { name: night, start: "20:00" }
                  talk-targets-seconds: { inquiry: 180, booking: 60 }
                """;
        write(MAIN + metrics, EXTENSIONS.replace("name: Front Desk", "name: Front Desk\n    call-type: booking"));
        SwitchboardConfig c = ConfigLoader.load(dir, dir);
        assertEquals(3000, c.metrics().cadence().cycle().toMillis());
        assertEquals(2, c.metrics().shifts().shifts().size());
        assertEquals("booking", c.directory().departments().get("front-desk").callType());
        assertEquals(60, c.metrics().talkTargetSeconds().get("booking"));

        String main = dir.resolve("switchboard.yaml").toString();
        String ext = dir.resolve("extensions.yaml").toString();
        List<String> errs = errors(MAIN + metrics.replace("[0.4, 0.2, 0.4, 2.0]", "[0.4, 0.2, 0.4]")
                        .replace("start: \"20:00\"", "start: \"8pm\"").replace("booking: 60", "booking: soon"),
                EXTENSIONS.replace("name: Front Desk", "name: Front Desk\n    call-type: follow-up"));
        assertTrue(errs.contains(main + ":16: metrics.ring-cadence: give on/off pairs of seconds, e.g. [1.0, 4.0] "
                + "or [0.4, 0.2, 0.4, 2.0]; got 3 value(s)"), errs.toString());
        assertTrue(errs.contains(main + ":19: metrics.shifts[1].start: '8pm' is not a time of day like \"07:00\""), errs.toString());
        assertTrue(errs.contains(main + ":20: metrics.talk-targets-seconds.booking: 'soon' is not a whole number of seconds "
                + "from 1 to 86400"), errs.toString());
        assertTrue(errs.contains(ext + ":4: departments.front-desk.call-type: 'follow-up' has no talk target; add it under "
                + "metrics.talk-targets-seconds in switchboard.yaml (known: inquiry)"), errs.toString());
        assertTrue(errors(MAIN + "metrics:\n  ring-cadence: jp\n", EXTENSIONS).get(0)
                .endsWith("metrics.ring-cadence: 'jp' is not a known cadence (cn, uk, us) nor a list of on/off seconds like [1.0, 4.0]"));
        assertTrue(errors(MAIN + "metrics:\n  shifts: [ { name: a, start: \"07:00\" }, { name: a, start: \"19:00\" } ]\n",
                EXTENSIONS).get(0).endsWith("metrics.shifts[1]: name 'a' is also used on line 16"));
    }

    @Test
    void folioSettingsAreReadAndEveryMistakeNamed() throws IOException {
        String folio = """
                folio:
                  business-day-closes-at: "05:30"
                  credit-limit-percent: 90
                  cos-family: hotel/cos
                """;
        write(MAIN + folio, EXTENSIONS);
        SwitchboardConfig c = ConfigLoader.load(dir, dir);
        assertEquals(java.time.LocalTime.of(5, 30), c.folio().businessDayClosesAt());
        assertEquals(0, c.folio().creditLimit().percentOfDeposit().compareTo(java.math.BigDecimal.valueOf(90)));
        assertEquals("hotel/cos", c.folio().cosFamily());

        String main = dir.resolve("switchboard.yaml").toString();
        int first = MAIN.split("\n", -1).length; // the line of "folio:"
        List<String> errs = errors(MAIN + folio.replace("\"05:30\"", "\"25:00\"").replace("90", "150")
                .replace("hotel/cos", "\"cos family\""), EXTENSIONS);
        assertTrue(errs.contains(main + ":" + (first + 1) + ": folio.business-day-closes-at: '25:00' is not a time of day "
                + "like \"04:00\" (00:00 = the calendar date)"), errs.toString());
        assertTrue(errs.contains(main + ":" + (first + 2) + ": folio.credit-limit-percent: '150' is not a whole number from 1 to 100"),
                errs.toString());
        assertTrue(errs.contains(main + ":" + (first + 3) + ": folio.cos-family: 'cos family' is not an AstDB family name "
                + "(letters, digits, - _ /)"), errs.toString());
    }

    @Test
    void aTlsKeystoreMustExistAndHaveItsPassword() throws IOException {
        String main = dir.resolve("switchboard.yaml").toString();
        List<String> errs = errors(MAIN + "http:\n  host: 127.0.0.1\n  tls-keystore: missing.p12\n", EXTENSIONS);
        int line = MAIN.split("\n", -1).length + 2;
        assertTrue(errs.contains(main + ":" + line + ": http.tls-keystore: 'missing.p12' is not a readable PKCS#12 keystore file "
                + "(relative to the installation directory)"), errs.toString());
        Files.writeString(dir.resolve("hotel.p12"), "x");
        List<String> noPassword = errors(MAIN + "http:\n  tls-keystore: hotel.p12\n", EXTENSIONS);
        assertTrue(noPassword.stream().anyMatch(e -> e.contains("http.tls-password: is needed with tls-keystore")), noPassword.toString());
    }
}
