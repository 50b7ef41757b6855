package dev.corral.base;

import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says in the log when Corral is ready: after the start-up work (job recovery, the demo fleet, the
 * first inventory) is done, not merely when the web server listens. Scripts and the reliability
 * tests wait for this line.
 */
@Component
class ReadyAnnouncement {

    static final String READY = "Corral is ready";
    private static final Logger log = LoggerFactory.getLogger(ReadyAnnouncement.class);

    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent event) {
        log.info("{} ({} ms after the JVM started)", READY,
                System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
    }
}
