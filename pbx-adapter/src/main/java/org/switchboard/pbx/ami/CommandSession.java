package org.switchboard.pbx.ami;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.DbPutAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * The command half of a link: an asterisk-java connection logged in with {@code Events: off}, for its typed
 * actions and responses (Originate, DBPut, Ping). It never parses an event, so no event can break it; the
 * Originate's outcome arrives as {@code OriginateResponse} on the event session, matched by its ActionID.
 */
final class CommandSession {

    private static final Logger log = LoggerFactory.getLogger(AmiLink.class);

    private final AmiSettings settings;
    private final ManagerConnection connection;

    CommandSession(AmiSettings settings) {
        this.settings = settings;
        this.connection = new ManagerConnectionFactory(settings.host(), settings.port(), settings.username(),
                settings.secret()).createManagerConnection();
        if (connection instanceof ManagerConnectionImpl impl) {
            impl.setDefaultResponseTimeout(settings.actionTimeout().toMillis());
            impl.setDefaultEventTimeout(settings.actionTimeout().toMillis());
            impl.setSocketReadTimeout((int) settings.readTimeout().toMillis());
            impl.setSocketTimeout((int) settings.actionTimeout().toMillis());
        }
    }

    /** Logs in without events; throws asterisk-java's AuthenticationFailedException when refused. */
    void open() throws Exception {
        connection.login("off");
    }

    /** A round trip; throws when the PBX does not answer or answers with an error. */
    void ping() throws Exception {
        ManagerResponse pong = connection.sendAction(new PingAction(), settings.actionTimeout().toMillis());
        if (pong instanceof ManagerError) {
            throw new IllegalStateException("PBX answered Ping with an error: " + pong.getMessage());
        }
    }

    /** Asynchronous: the PBX's immediate answer reaches {@code refused} (null when queued) on asterisk-java's reader. */
    void originate(OriginateRequest r, Consumer<String> refused) {
        try {
            connection.sendAction(AmiActions.originate(r), response -> refused.accept(response instanceof ManagerError
                    ? "PBX refused the Originate: " + response.getMessage() : null));
        } catch (Exception e) {
            refused.accept("could not send the Originate: " + e);
        }
    }

    /** Asynchronous, like {@link #originate}. */
    void dbPut(String family, String key, String value, Consumer<String> outcome) {
        try {
            connection.sendAction(new DbPutAction(family, key, value), response -> outcome.accept(
                    response instanceof ManagerError ? "PBX refused DBPut: " + response.getMessage() : null));
        } catch (Exception e) {
            outcome.accept("could not send DBPut: " + e);
        }
    }

    void close() {
        try {
            connection.logoff();
        } catch (Exception e) {
            log.debug("logoff of a failed AMI command session: {}", e.toString());
        }
    }
}
