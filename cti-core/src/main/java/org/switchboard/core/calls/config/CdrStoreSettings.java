package org.switchboard.core.calls.config;

import java.nio.file.Path;

/** Where Asterisk keeps its own call records: cdr_csv's Master.csv, or a {@code cdr} table reached over JDBC. */
public sealed interface CdrStoreSettings {

    /** cdr_csv's {@code Master.csv}. */
    record CsvFile(Path file) implements CdrStoreSettings {
    }

    /**
     * A {@code cdr} table (cdr_mysql, or cdr_adaptive_odbc into MariaDB/MySQL, as FreePBX keeps
     * {@code asteriskcdrdb.cdr}). {@code where} is the configuration line that named it, for messages.
     */
    record Table(String url, String user, String password, String table, String where) implements CdrStoreSettings {
        @Override
        public String toString() {
            return "table " + table + " at " + url + " as " + user; // never the password
        }
    }
}
