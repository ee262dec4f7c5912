package com.disputehub.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The hash that tells an unchanged record of a poll's overlap (issue 17): equal snapshots alike, any change apart. */
class SnapshotHashTest {

    static final Instant SENT = Instant.parse("2026-11-20T10:00:00Z");

    static IncidentSnapshot.Builder lamp() {
        return IncidentSnapshot.builder(IncidentKind.MARKETPLACE_DISPUTE, "LMP-1-A-1")
                .order("LMP-1", List.of("LMP-1-A-1"))
                .skus(List.of("SKU-1"))
                .product("Lámpara", null)
                .reason(new Reason(ReasonCategory.DAMAGED, "2", "Artículo recibido dañado"))
                .status(IncidentStatus.NEEDS_SELLER_ACTION, "INCIDENT_OPEN", ActionOwner.SELLER)
                .productValue(Money.of("34.90", "EUR"))
                .openedAt(SENT)
                .messages(List.of(new IncidentMessage("m-1", "t-1", "Incidencia", PartyRole.BUYER, "María",
                        List.of(PartyRole.SELLER), "La base llegó rota", SENT)))
                .details(new ChannelDetails(Map.of("carrier", "SEUR", "tracking", "1Z"), List.of()))
                .rawPayload("{\"order_id\":\"LMP-1\"}");
    }

    static String hash(IncidentSnapshot snapshot) {
        return new SnapshotHash().of("mirakl-1", snapshot);
    }

    @Test
    @DisplayName("X2: the same snapshot built twice hashes alike, whatever order its attributes came in")
    void equalSnapshotsAlike() {
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("tracking", "1Z");
        reversed.put("carrier", "SEUR");
        SnapshotHash reused = new SnapshotHash();
        assertThat(reused.of("mirakl-1", lamp().buyerName("Other").build())).isNotEqualTo(reused.of("mirakl-1", lamp().build()));
        assertThat(hash(lamp().build())).hasSize(64).isEqualTo(hash(lamp().build())).isEqualTo(reused.of("mirakl-1", lamp().build()))
                .isEqualTo(hash(lamp().details(new ChannelDetails(reversed, List.of())).build()));
    }

    @Test
    @DisplayName("X2: a change to any field, nested ones and the raw payload included, or another adapter version, changes the hash")
    void anyChangeApart() {
        String original = hash(lamp().build());
        List<UnaryOperator<IncidentSnapshot.Builder>> changes = List.of(
                b -> b.rawPayload("{\"order_id\":\"LMP-2\"}"),
                b -> b.status(IncidentStatus.WAITING_FOR_BUYER, "INCIDENT_OPEN", ActionOwner.BUYER),
                b -> b.productValue(Money.of("34.9", "EUR")),
                b -> b.openedAt(SENT.plusNanos(1000)),
                b -> b.product("Lámpara", ""),
                b -> b.skus(List.of("SKU-1", "")),
                b -> b.messages(List.of(new IncidentMessage("m-1", "t-1", "Incidencia", PartyRole.BUYER, "María",
                        List.of(PartyRole.SELLER), "La base llegó rota.", SENT))),
                b -> b.details(new ChannelDetails(Map.of("carrier", "SEUR", "tracking", "1Y"), List.of())),
                b -> b.details(new ChannelDetails(Map.of("carrier", "SEUR", "tracking", "1Z"),
                        List.of(new ChannelDetails.HistoryEntry(SENT, "DELIVERED", null)))),
                b -> b.followUp(true));
        for (int n = 0; n < changes.size(); n++) {
            assertThat(hash(changes.get(n).apply(lamp()).build())).as("change %d", n).isNotEqualTo(original);
        }
        assertThat(new SnapshotHash().of("mirakl-2", lamp().build())).isNotEqualTo(original);
    }

    @Test
    @DisplayName("X2: texts are hashed by their length, so that moving characters between two fields changes the hash")
    void boundariesCount() {
        assertThat(hash(lamp().order("LMP-1", List.of("ab", "c")).build()))
                .isNotEqualTo(hash(lamp().order("LMP-1", List.of("a", "bc")).build()));
        assertThat(hash(lamp().buyerName(null).build())).isNotEqualTo(hash(lamp().buyerName("").build()));
    }
}
