package org.switchboard.core.folio.infrastructure;

import org.jooq.DSLContext;

import java.time.Instant;
import java.util.Map;

import static org.switchboard.core.storage.UtcColumns.utc;
import static org.switchboard.core.storage.jooq.Tables.COS_APPLIED;

/** The class of service last set on the PBX for each extension (so only changes are sent). */
public final class CosBook {

    private final DSLContext dsl;

    public CosBook(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Map<String, String> applied() {
        return dsl.select(COS_APPLIED.EXTENSION, COS_APPLIED.COS).from(COS_APPLIED).fetchMap(COS_APPLIED.EXTENSION, COS_APPLIED.COS);
    }

    public void applied(String extension, String cos, Instant at) {
        dsl.insertInto(COS_APPLIED).set(COS_APPLIED.EXTENSION, extension).set(COS_APPLIED.COS, cos)
                .set(COS_APPLIED.APPLIED_AT, utc(at)).onDuplicateKeyUpdate().set(COS_APPLIED.COS, cos)
                .set(COS_APPLIED.APPLIED_AT, utc(at)).execute();
    }
}
