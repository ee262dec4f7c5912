package com.disputehub.decision;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.disputehub.database.Sql;

/**
 * This instance's identity among the dispatchers sharing the database, and its heartbeat: the SENDING rows of
 * an instance whose heartbeat stopped are recovered by the others (or by this one after a restart). The heartbeat
 * has a thread of its own: on the shared scheduler, a long poll or recovery pass could delay it past
 * {@code instance-timeout}, and another instance would take over (and resend) what this one is still sending.
 */
@Component
class DispatcherInstance implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DispatcherInstance.class);

    private final String id = UUID.randomUUID().toString();
    private final JdbcClient jdbc;
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "dispatch-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final Clock clock;
    private final Duration heartbeat;
    private volatile ScheduledFuture<?> beating;

    DispatcherInstance(JdbcClient jdbc, Clock clock, @Value("${disputehub.dispatch.heartbeat:5s}") Duration heartbeat) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.heartbeat = heartbeat;
    }

    String id() {
        return id;
    }

    @Override
    public void start() {
        jdbc.sql("delete from dispatcher_instance where heartbeat_at < ?").param(Sql.ts(clock.instant().minus(Duration.ofDays(1))))
                .update();
        // a stopped context may start again (Spring's paused test contexts do): the same id beats again
        jdbc.sql("""
                insert into dispatcher_instance (id, started_at, heartbeat_at) values (?, ?, ?)
                on conflict (id) do update set heartbeat_at = excluded.heartbeat_at
                """)
                .params(id, Sql.ts(clock.instant()), Sql.ts(clock.instant())).update();
        beating = beats.scheduleWithFixedDelay(this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A failed beat is logged, and the next one tries again (an exception would end a repeating task). */
    private void beat() {
        try {
            jdbc.sql("update dispatcher_instance set heartbeat_at = ? where id = ?").params(Sql.ts(clock.instant()), id).update();
        } catch (RuntimeException e) {
            log.warn("dispatcher heartbeat failed: {}", e.getMessage());
        }
    }

    /**
     * Stops beating but keeps the row: pushes still in flight while the JVM shuts down must not be reconciled
     * (and maybe resent) by another instance before {@code instance-timeout} has passed.
     */
    @Override
    public void stop() {
        if (beating != null) {
            beating.cancel(false);
        }
    }

    /** The heartbeat's thread ends with the context. */
    @Override
    public void destroy() {
        beats.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return beating != null && !beating.isCancelled();
    }

    /** Before the flows start and after they stop, so that a claim always names a live instance. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
