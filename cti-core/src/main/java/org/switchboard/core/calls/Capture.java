package org.switchboard.core.calls;

import org.switchboard.core.calls.application.CaptureService;
import org.switchboard.core.calls.application.CdrRecords;
import org.switchboard.core.calls.application.StallWatch;
import org.switchboard.core.calls.application.GapRecovery;
import org.switchboard.core.calls.config.CdrStoreSettings;
import org.switchboard.core.calls.infrastructure.CallRepository;
import org.switchboard.core.calls.infrastructure.CdrTable;
import org.switchboard.core.calls.infrastructure.MasterCsv;
import org.switchboard.core.calls.infrastructure.SpillFile;
import org.switchboard.core.calls.model.CallAssembler;
import org.switchboard.core.calls.model.CdrCall;
import org.switchboard.core.calls.model.CallSummarizer;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.storage.Database;
import org.switchboard.pbx.ami.AmiLink;
import org.switchboard.pbx.ami.AmiSettings;
import org.switchboard.pbx.ami.PbxEventQueue;

import java.time.Clock;

/**
 * Call capture, assembled: AMI link → bounded queue → call assembler → MariaDB. The other capabilities hear
 * every PBX event ({@link CaptureService#addObserver}) and every stored call ({@link CaptureService#addListener}),
 * and place calls or set the class of service through the same {@link #link()}. {@code cdr} is Asterisk's CDR
 * store when {@code cdr-store:} names one (null otherwise), read by capture for its gaps and by whoever else
 * must know how a call ended while the link was down. {@code stalls} watches for freezes of this process and
 * jumps of its clock, which make arrival times untrustworthy.
 */
public record Capture(CaptureService service, AmiLink link, CdrRecords cdr, StallWatch stalls) {

    public static Capture assemble(SwitchboardConfig config, AmiSettings ami, Database db, Clock clock) {
        PbxEventQueue queue = new PbxEventQueue(ami.queueCapacity());
        StallWatch stalls = new StallWatch(clock, System::nanoTime);
        CallAssembler assembler = new CallAssembler(new CallSummarizer(config.directory(), config.hotelZone(), stalls),
                config.cdrGrace());
        CdrRecords cdr = cdrStore(config, ami);
        GapRecovery recovery = cdr == null ? null
                : new GapRecovery(cdr, new CdrCall(config.directory(), config.hotelZone()));
        return new Capture(new CaptureService(queue, assembler, new CallRepository(db.dsl()), clock, spill(config),
                        recovery),
                new AmiLink(ami, queue, clock), cdr, stalls);
    }

    /** Calls held at a stop go to {@code var/spill/} beside the data folder ({@code var/data}); none without one. */
    private static SpillFile spill(SwitchboardConfig config) {
        var db = config.database();
        return db == null || db.dataDir() == null ? null : new SpillFile(db.dataDir().resolveSibling("spill"));
    }

    /** The second witness, when {@code cdr-store:} names Asterisk's Master.csv or cdr table (times in the PBX's zone). */
    public static CdrRecords cdrStore(SwitchboardConfig config, AmiSettings ami) {
        if (config.cdrStore() instanceof CdrStoreSettings.CsvFile csv) {
            return new MasterCsv(csv.file(), ami.pbxZone());
        }
        return config.cdrStore() instanceof CdrStoreSettings.Table table ? new CdrTable(table, ami.pbxZone()) : null;
    }
}
