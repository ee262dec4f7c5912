package com.disputehub.api;

import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.disputehub.event.Event;
import com.disputehub.event.EventLog;
import com.disputehub.event.EventType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The event stream for ERPs that pull (DOMAIN X7): the same events webhooks and AMQP carry, in commit order. */
@Tag(name = "Events", description = "The event stream: every change, in commit order, for ERPs that pull")
@RestController
class EventController {

    static final int MAX_LIMIT = 1000;

    private final EventLog events;

    EventController(EventLog events) {
        this.events = events;
    }

    @Operation(operationId = "listEvents", summary = "Events after a sequence number, oldest first",
            description = "Store the `next` of each answer and pass it as `after`: no event is skipped or repeated. "
                    + "Events older than the retention are removed; asking for them answers 410 with where to resume.")
    @GetMapping("/api/events")
    EventPage events(@Parameter(description = "the last sequence number read; 0 for the oldest kept")
                     @RequestParam(defaultValue = "0") long after,
                     @Parameter(description = "comma-separated types or families: incident.created, decision.*")
                     @RequestParam(required = false) String types,
                     @Parameter(description = "only this account's events") @RequestParam(required = false) String account,
                     @Parameter(description = "at most this many, 1 to " + MAX_LIMIT)
                     @RequestParam(defaultValue = "100") int limit) {
        if (after < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("'after' is 0 or more, 'limit' from 1 to " + MAX_LIMIT);
        }
        List<String> patterns = types == null || types.isBlank() ? List.of()
                : Arrays.stream(types.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        patterns.stream().filter(p -> !EventType.known(p)).findFirst().ifPresent(p -> {
            throw new IllegalArgumentException("'" + p + "' is no event type; the types are "
                    + Arrays.stream(EventType.values()).map(EventType::wire).toList());
        });
        long purged = events.purgedThrough();
        if (after > 0 && after < purged) {
            throw new ResponseStatusException(HttpStatus.GONE, "events up to " + purged
                    + " were removed by retention; resume with after=" + purged + " and fetch the incidents you need again");
        }
        List<Event> page = events.after(Math.max(after, purged), patterns, account, limit + 1);
        boolean more = page.size() > limit;
        List<Event> shown = more ? page.subList(0, limit) : page;
        long next = shown.isEmpty() ? Math.max(after, purged) : shown.get(shown.size() - 1).sequence();
        return new EventPage(shown, next, more);
    }

    /** One page of the stream: pass {@code next} as {@code after} to read on; {@code more} when more wait now. */
    record EventPage(List<Event> events, long next, boolean more) {
    }
}
