package com.disputehub.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.disputehub.event.Event;
import com.disputehub.event.EventLog;

/**
 * Live pages (DOMAIN X9): every open inbox and incident page listens here (server-sent events) and is told, within a
 * second, of each incident or decision event in commit order: its type and incident, nothing more; the page then
 * fetches what it shows again. One reader per instance follows the event stream, so changes made by a sync or a
 * decision on any instance reach every page.
 */
@Component
class LivePages implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LivePages.class);
    private static final List<String> TYPES = List.of("incident.*", "decision.*");
    /** How long a page's connection lasts before the browser opens a new one (EventSource reconnects by itself). */
    private static final long CONNECTION_MILLIS = Duration.ofMinutes(30).toMillis();
    private static final int HEARTBEAT_EVERY = 15;

    private final EventLog events;
    private final Duration interval;
    private final List<Page> pages = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService reader;
    private volatile long cursor = -1;
    private volatile boolean running;
    private int ticks;

    LivePages(EventLog events, @Value("${disputehub.inbox.live-interval:1s}") Duration interval) {
        this.events = events;
        this.interval = interval;
    }

    /** An open page: its connection, and the last event it was drawn with (it is told only of later ones). */
    private record Page(SseEmitter emitter, long after) {
    }

    /** The newest event now: a page drawn now is told of what comes after it. */
    long now() {
        return events.last();
    }

    /** A page drawn with the events up to {@code after}; it is told at once of those since, then of each new one. */
    synchronized SseEmitter subscribe(long after) {
        SseEmitter emitter = new SseEmitter(CONNECTION_MILLIS);
        if (!running) {
            // shutting down: no new stream may hold the graceful shutdown up (the page reconnects to another instance)
            emitter.complete();
            return emitter;
        }
        Page page = new Page(emitter, after);
        emitter.onCompletion(() -> pages.remove(page));
        emitter.onTimeout(() -> pages.remove(page));
        emitter.onError(e -> pages.remove(page));
        if (cursor < 0) {
            cursor = events.last();
        }
        if (after < cursor) {
            for (Event missed : events.after(after, TYPES, null, 500)) {
                if (missed.sequence() <= cursor) {
                    tell(page, missed);
                }
            }
        }
        pages.add(page);
        // a first word at once, so that the page (and any client) has the answer's headers without waiting for a change
        send(page, SseEmitter.event().comment("listening"));
        return emitter;
    }

    /** Tells every page of the events since the last look; a heartbeat now and then finds closed connections. */
    private synchronized void read() {
        try {
            if (pages.isEmpty()) {
                cursor = -1;
                return;
            }
            if (cursor < 0) {
                cursor = events.last();
            }
            List<Event> fresh = events.after(cursor, TYPES, null, 500);
            for (Event event : fresh) {
                pages.forEach(page -> tell(page, event));
                cursor = event.sequence();
            }
            if (fresh.isEmpty() && ++ticks % HEARTBEAT_EVERY == 0) {
                pages.forEach(page -> send(page, SseEmitter.event().comment("still here")));
            }
        } catch (RuntimeException e) {
            log.warn("live pages could not read the event stream: {}", e.getMessage());
        }
    }

    private void tell(Page page, Event event) {
        if (event.sequence() > page.after()) {
            send(page, SseEmitter.event().name("change").id(String.valueOf(event.sequence()))
                    .data(Map.of("type", event.type(), "incident", String.valueOf(event.incidentId())), MediaType.APPLICATION_JSON));
        }
    }

    private void send(Page page, SseEmitter.SseEventBuilder message) {
        try {
            page.emitter().send(message);
        } catch (IOException | IllegalStateException gone) {
            pages.remove(page);
            page.emitter().completeWithError(gone);
        }
    }

    @Override
    public void start() {
        running = true;
        reader = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "live-pages");
            thread.setDaemon(true);
            return thread;
        });
        reader.scheduleWithFixedDelay(this::read, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (reader != null) {
            reader.shutdownNow();
        }
        pages.forEach(page -> page.emitter().complete());
        pages.clear();
    }

    @Override
    public boolean isRunning() {
        return reader != null && !reader.isShutdown();
    }
}
