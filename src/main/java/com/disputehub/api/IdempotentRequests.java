package com.disputehub.api;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

import com.disputehub.database.Hashes;
import com.disputehub.database.Sql;
import com.disputehub.decision.IdempotencyKey;

import tools.jackson.databind.ObjectMapper;

/**
 * The {@code Idempotency-Key} of the POSTs that create something (notes, groups, bulk runs, webhook endpoints): the
 * key is taken in the transaction that creates the resource, so the database decides between racing requests; the
 * same key with the same request answers what the first one made, with another request a 422.
 */
@Component
class IdempotentRequests {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Clock clock;

    IdempotentRequests(JdbcClient jdbc, TransactionTemplate tx, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    /** What a create answered: the resource and whether it was made by an earlier request with the key. */
    record Outcome<T>(T resource, boolean replayed) {
    }

    /**
     * Creates once per key: without a key, simply creates; with one, creates and records its id, or finds what the
     * key made. {@code id} gives a resource's id, {@code load} finds a resource by it.
     */
    <T> Outcome<T> once(String key, String actor, String kind, Object request, Supplier<T> create, Function<T, Object> id,
                        Function<String, T> load) {
        if (key == null) {
            return tx.execute(status -> new Outcome<>(create.get(), false));
        }
        String stored = IdempotencyKey.client(actor, key).stored();
        String hash = hash(kind, request);
        return tx.execute(status -> {
            boolean taken = jdbc.sql("""
                    insert into idempotent_request (key, kind, request_hash, resource_id, created_at) values (?, ?, ?, '', ?)
                    on conflict (key) do nothing
                    """).params(stored, kind, hash, Sql.ts(clock.instant())).update() == 0;
            if (!taken) {
                T created = create.get();
                jdbc.sql("update idempotent_request set resource_id = ? where key = ?").params(id.apply(created).toString(), stored)
                        .update();
                return new Outcome<>(created, false);
            }
            Earlier earlier = jdbc.sql("select kind, request_hash, resource_id from idempotent_request where key = ?").param(stored)
                    .query((rs, n) -> new Earlier(rs.getString("kind"), rs.getString("request_hash"), rs.getString("resource_id")))
                    .single();
            if (!earlier.kind().equals(kind) || !earlier.hash().equals(hash)) {
                throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "this Idempotency-Key already made "
                        + earlier.kind() + " " + earlier.resourceId() + " with another request; use a new key for a new request");
            }
            return new Outcome<>(Optional.ofNullable(load.apply(earlier.resourceId())).orElseThrow(() -> new ResponseStatusException(
                    HttpStatus.GONE, "this Idempotency-Key made " + kind + " " + earlier.resourceId() + ", which is gone")), true);
        });
    }

    private record Earlier(String kind, String hash, String resourceId) {
    }

    private String hash(String kind, Object request) {
        return Hashes.sha256Hex(kind + "\n" + json.writeValueAsString(request));
    }
}
