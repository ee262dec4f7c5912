package com.disputehub.decision;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;

/** The dispatch flows: drain the outbox, and settle what dead dispatchers left half-sent. */
@Configuration
class DispatchFlow {

    static final String POLLER_ID = "decisionDispatch.poller";
    static final String RECOVERY_POLLER_ID = "orphanRecovery.poller";
    private static final Logger log = LoggerFactory.getLogger(DispatchFlow.class);

    /** Looks at the outbox every {@code poll-interval} and brings in a worker when there is room (DispatchWorkers). */
    @Bean
    IntegrationFlow decisionDispatch(DispatchWorkers workers, DispatchProperties properties) {
        return IntegrationFlow
                .fromSupplier(workers::wake, e -> e.id(POLLER_ID)
                        .autoStartup(properties.autoStartup())
                        .poller(Pollers.fixedDelay(properties.pollInterval())))
                .handle(Integer.class, (active, headers) -> {
                    log.trace("{} dispatch worker(s) at work", active);
                    return null;
                })
                .get();
    }

    /** Reconciles SENDING decisions whose dispatcher stopped beating (a crash mid-send). */
    @Bean
    IntegrationFlow orphanRecovery(Reconciler reconciler, DispatchProperties properties) {
        return IntegrationFlow
                .fromSupplier(reconciler::recoverOrphans, e -> e.id(RECOVERY_POLLER_ID)
                        .autoStartup(properties.autoStartup())
                        .poller(Pollers.fixedDelay(properties.recoveryInterval())))
                .handle(Integer.class, (taken, headers) -> {
                    if (taken > 0) {
                        log.info("reconciled {} decision(s) left half-sent by a stopped dispatcher", taken);
                    }
                    return null;
                })
                .get();
    }
}
