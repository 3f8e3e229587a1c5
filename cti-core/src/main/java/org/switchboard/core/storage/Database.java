package org.switchboard.core.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/**
 * The connection pool and jOOQ context for one MariaDB database, migrated by Flyway from
 * {@code db/migration} — the same migrations that generate the jOOQ classes at build time.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final DSLContext dsl;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.dsl = DSL.using(dataSource, SQLDialect.MARIADB);
    }

    /** Connects (the user and password may be empty for the embedded server) and migrates. */
    public static Database connectAndMigrate(String jdbcUrl, String user, String password) {
        Database db = connect(jdbcUrl, user, password);
        try {
            var result = Flyway.configure().dataSource(db.dataSource).locations("classpath:db/migration")
                    .load().migrate();
            if (result.migrationsExecuted > 0) {
                log.info("database migrated to version {} ({} migration(s))", result.targetSchemaVersion,
                        result.migrationsExecuted);
            }
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Connects to an embedded server as its daemon user, and migrates. */
    public static Database connectAndMigrate(org.switchboard.embedded.EmbeddedMariaDb server) {
        return connectAndMigrate(server.jdbcUrl(), server.user(), server.password());
    }

    /** Connects without migrating (read-only CLI commands). */
    public static Database connect(String jdbcUrl, String user, String password) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(jdbcUrl);
        cfg.setUsername(user == null || user.isEmpty() ? "root" : user);
        cfg.setPassword(password == null ? "" : password);
        cfg.setMaximumPoolSize(10); // capture, metrics, API, wake-ups and Quartz's own threads
        cfg.setPoolName("switchboard");
        cfg.setConnectionTimeout(5000);
        cfg.setInitializationFailTimeout(5000);
        return new Database(new HikariDataSource(cfg));
    }

    /** Runs {@code work} in one transaction, for a use case whose writes belong together. */
    public <T> T inTransaction(java.util.function.Function<Transaction, T> work) {
        return dsl.transactionResult(trx -> work.apply(new Transaction(trx.dsl())));
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
