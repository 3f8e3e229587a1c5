package org.switchboard.core.folio;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.api.ApiRoutes;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.folio.application.ClassOfServiceSync;
import org.switchboard.core.folio.application.FolioServices;
import org.switchboard.core.folio.infrastructure.CosBook;
import org.switchboard.core.folio.infrastructure.CreditBook;
import org.switchboard.core.folio.web.FolioRoutes;
import org.switchboard.core.stays.Stays;
import org.switchboard.core.storage.Database;
import org.switchboard.pbx.ami.AstDbWriter;

import java.time.Clock;
import java.util.function.BiConsumer;

/**
 * Folios, assembled: the poster that posts each charge to the guest's folio, the night audit, the folio desk,
 * and the class of service that bars a room's outside calls at its credit limit (written to the PBX's AstDB).
 */
public final class Folios implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Folios.class);

    private final FolioServices services;
    private final ClassOfServiceSync classOfService;

    private Folios(SwitchboardConfig config, Database db, Clock clock, AstDbWriter pbx, BiConsumer<String, Object> announce) {
        this.services = FolioServices.on(db, config, clock);
        this.classOfService = new ClassOfServiceSync(Stays.assemble(config, db, clock).guests(), new CreditBook(db.dsl()),
                new CosBook(db.dsl()), config.directory(), pbx, config.folio().cosFamily(), clock, announce);
    }

    /** Writes the class of service through {@code pbx}; tells {@code announce} (the live board) of new bars. */
    public static Folios assemble(SwitchboardConfig config, Database db, Clock clock, AstDbWriter pbx,
                                  BiConsumer<String, Object> announce) {
        return new Folios(config, db, clock, pbx, announce);
    }

    public FolioServices services() {
        return services;
    }

    public ClassOfServiceSync classOfService() {
        return classOfService;
    }

    /** Posts what an earlier run left in the outbox, then keeps posting as charges come. */
    public void start() {
        int posted = services.poster().postPending();
        if (posted > 0) {
            log.info("posted {} charge(s) left in the posting outbox by an earlier run", posted);
        }
        services.poster().start();
    }

    /** The class of service follows stays and credit bars; started once the PBX link is. */
    public void startClassOfService() {
        classOfService.start();
    }

    /** {@code stayChanged} runs after a lift or an assignment. */
    public ApiRoutes routes(Runnable stayChanged) {
        return new FolioRoutes(services, stayChanged);
    }

    public void closeClassOfService() {
        classOfService.close();
    }

    @Override
    public void close() {
        services.poster().close();
    }
}
