package org.switchboard.core.config;

import org.switchboard.core.directory.Directory;
import org.switchboard.pbx.ami.AmiSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

/** The whole validated configuration. Immutable. */
public record SwitchboardConfig(String hotelName, ZoneId hotelZone, AmiSettings ami, DatabaseSettings database,
                                Duration cdrGrace, String did, Directory directory,
                                org.switchboard.billing.rating.TariffBook tariffs, HttpSettings http,
                                org.switchboard.core.metrics.model.MetricsSettings metrics,
                                org.switchboard.core.wakeup.model.WakeupSettings wakeup,
                                org.switchboard.core.folio.model.FolioSettings folio,
                                org.switchboard.core.calls.config.CdrStoreSettings cdrStore) {

    /** Without a {@code cdr-store:} section: no CDR store is read. */
    public SwitchboardConfig(String hotelName, ZoneId hotelZone, AmiSettings ami, DatabaseSettings database,
                             Duration cdrGrace, String did, Directory directory,
                             org.switchboard.billing.rating.TariffBook tariffs, HttpSettings http,
                             org.switchboard.core.metrics.model.MetricsSettings metrics,
                             org.switchboard.core.wakeup.model.WakeupSettings wakeup,
                             org.switchboard.core.folio.model.FolioSettings folio) {
        this(hotelName, hotelZone, ami, database, cdrGrace, did, directory, tariffs, http, metrics, wakeup, folio, null);
    }

    /** Without a {@code folio:} section: the default folio settings. */
    public SwitchboardConfig(String hotelName, ZoneId hotelZone, AmiSettings ami, DatabaseSettings database,
                             Duration cdrGrace, String did, Directory directory,
                             org.switchboard.billing.rating.TariffBook tariffs, HttpSettings http,
                             org.switchboard.core.metrics.model.MetricsSettings metrics,
                             org.switchboard.core.wakeup.model.WakeupSettings wakeup) {
        this(hotelName, hotelZone, ami, database, cdrGrace, did, directory, tariffs, http, metrics, wakeup,
                org.switchboard.core.folio.model.FolioSettings.defaults());
    }

    /** Without a {@code wakeup:} section: the default wake-up settings. */
    public SwitchboardConfig(String hotelName, ZoneId hotelZone, AmiSettings ami, DatabaseSettings database,
                             Duration cdrGrace, String did, Directory directory,
                             org.switchboard.billing.rating.TariffBook tariffs, HttpSettings http,
                             org.switchboard.core.metrics.model.MetricsSettings metrics) {
        this(hotelName, hotelZone, ami, database, cdrGrace, did, directory, tariffs, http, metrics,
                org.switchboard.core.wakeup.model.WakeupSettings.defaults());
    }

    public SwitchboardConfig withWakeup(org.switchboard.core.wakeup.model.WakeupSettings settings) {
        return new SwitchboardConfig(hotelName, hotelZone, ami, database, cdrGrace, did, directory, tariffs, http,
                metrics, settings, folio, cdrStore);
    }

    public SwitchboardConfig withFolio(org.switchboard.core.folio.model.FolioSettings settings) {
        return new SwitchboardConfig(hotelName, hotelZone, ami, database, cdrGrace, did, directory, tariffs, http,
                metrics, wakeup, settings, cdrStore);
    }

    /** With Asterisk's {@code Master.csv} as the CDR store that recovers what the daemon did not see (null: none). */
    public SwitchboardConfig withCdrCsvFile(Path file) {
        return withCdrStore(file == null ? null : new org.switchboard.core.calls.config.CdrStoreSettings.CsvFile(file));
    }

    /** With {@code store} as the CDR store that recovers what the daemon did not see (null: none). */
    public SwitchboardConfig withCdrStore(org.switchboard.core.calls.config.CdrStoreSettings store) {
        return new SwitchboardConfig(hotelName, hotelZone, ami, database, cdrGrace, did, directory, tariffs, http,
                metrics, wakeup, folio, store);
    }

    /** The hotel's business date (营业日) as the folio settings close it. */
    public org.switchboard.billing.folio.BusinessDay businessDay() {
        return new org.switchboard.billing.folio.BusinessDay(folio.businessDayClosesAt(), hotelZone);
    }

    /** The hotel's currency: that of the newest tariff (CNY without one). */
    public String currency() {
        return tariffs == null || tariffs.versions().isEmpty() ? "CNY"
                : tariffs.versions().get(tariffs.versions().size() - 1).currency().getCurrencyCode();
    }

    /**
     * Where the HTTP API and console listen (default 127.0.0.1:8080, loopback only; port 0 picks a free port), and
     * the PKCS#12 keystore to serve them over TLS with (null: plain HTTP).
     */
    public record HttpSettings(String host, int port, java.nio.file.Path tlsKeystore, String tlsPassword) {
        public HttpSettings(String host, int port) {
            this(host, port, null, null);
        }

        public static HttpSettings defaults() {
            return new HttpSettings("127.0.0.1", 8080);
        }

        public boolean tls() {
            return tlsKeystore != null;
        }

        @Override
        public String toString() {
            return host + ":" + port + (tls() ? " over TLS (" + tlsKeystore + ")" : "");
        }
    }

    /** {@code embedded}: a MariaDB server process started by Switchboard itself, keeping data in {@code dataDir}. */
    public record DatabaseSettings(boolean embedded, String url, String user, String password, Path dataDir,
                                   int embeddedPort) {
        @Override
        public String toString() {
            return embedded ? "embedded MariaDB in " + dataDir : url + " as " + user + " (password ****)";
        }
    }
}
