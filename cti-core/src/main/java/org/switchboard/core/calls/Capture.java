package org.switchboard.core.calls;

import org.switchboard.core.calls.application.CaptureService;
import org.switchboard.core.calls.infrastructure.CallRepository;
import org.switchboard.core.calls.model.CallAssembler;
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
 * and place calls or set the class of service through the same {@link #link()}.
 */
public record Capture(CaptureService service, AmiLink link) {

    public static Capture assemble(SwitchboardConfig config, AmiSettings ami, Database db, Clock clock) {
        PbxEventQueue queue = new PbxEventQueue(ami.queueCapacity());
        CallAssembler assembler = new CallAssembler(new CallSummarizer(config.directory(), config.hotelZone()),
                config.cdrGrace());
        return new Capture(new CaptureService(queue, assembler, new CallRepository(db.dsl()), clock),
                new AmiLink(ami, queue, clock));
    }
}
