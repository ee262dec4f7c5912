package com.disputehub.channel;

import java.util.List;

import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.incident.IncidentKind;
import com.disputehub.incident.IncidentSnapshot;
import com.disputehub.incident.OpenIncidentRef;

/**
 * One channel's wire protocol behind a small contract. Adapters are Spring beans, found by
 * {@link #channelType()}; they keep no state that must survive a restart (the cursor is stored by sync).
 */
public interface ChannelAdapter {

    /** The value of {@code channel} in an account's configuration, e.g. {@code mirakl}. */
    String channelType();

    /** What sort of back office the channel is: a marketplace, a wholesale platform, a carrier, a supplier. */
    IncidentKind kind();

    /** Stored with every incident this adapter normalizes, so that old records can be re-normalized. */
    String version();

    /**
     * Reads one page of records changed since the cursor; {@code cursor} is null on the first poll.
     * Throws {@link ChannelException} when the page cannot be read at all (nothing is then stored).
     */
    FetchResult fetchChanges(ChannelAccount account, String cursor);

    /** Reads again the records behind incidents that are still open, to see changes the change feed misses. */
    List<RawRecord> reread(ChannelAccount account, List<OpenIncidentRef> openIncidents);

    /**
     * Turns one raw record into incidents (one record may hold several, such as the lines of an order).
     * Throws {@link NormalizationException} for a record that cannot be understood; it is quarantined.
     */
    List<IncidentSnapshot> normalize(ChannelAccount account, RawRecord record);

    /** The decisions this channel accepts, in which statuses, with which fields. */
    Capabilities capabilities(ChannelAccount account);

    /**
     * The decisions one incident takes: by default all of the account's. A channel whose disputes come in kinds
     * with calls of their own (eBay's inquiries, returns and cases) narrows them to the incident's kind.
     */
    default Capabilities capabilities(ChannelAccount account, DecisionTarget target) {
        return capabilities(account);
    }

    /**
     * Channel-specific checks of a decision before it is accepted; each problem is a sentence for the user.
     * Called even when the command is incomplete, so that it can list what the channel would accept.
     */
    default List<String> validate(ChannelAccount account, DecisionTarget target, DecisionCommand command) {
        return List.of();
    }

    /**
     * Sends one decision; throws {@link ChannelException} subclasses to say how it failed. {@code idempotencyKey}
     * is the decision's own id, the same on every attempt and unique across clients: a channel that accepts a
     * key of the caller's (CJ's {@code businessDisputeId}) gets it, and {@link #reconcile} gets it back.
     */
    PushResult push(ChannelAccount account, DecisionTarget target, DecisionCommand command, String idempotencyKey);

    /**
     * The channel's published call rate, the account's default when configuration names none
     * ({@code resilience4j.ratelimiter.configs.<account or channel type>}); empty: the connector's default.
     */
    default java.util.Optional<RateLimit> rateLimit() {
        return java.util.Optional.empty();
    }

    /**
     * The options an account of this channel takes besides the common ones (time zone, holidays, locale, reason
     * map, rules, approvals), each checked at start with an error naming the key.
     */
    default List<OptionSpec> options() {
        return List.of();
    }

    /**
     * What is wrong with the account's options and credentials taken together (each option alone is checked against
     * {@link #options()}), as sentences naming the keys; checked at start, which stops on any.
     */
    default List<String> optionProblems(ChannelAccount account) {
        return List.of();
    }

    /**
     * Whether this channel follows the supplier orders a dropshipper registers ({@code PUT
     * /api/accounts/{id}/supplier-orders}): a supplier channel, whose disputes start from those orders.
     */
    default boolean followsSupplierOrders() {
        return false;
    }

    /** The account's reported-problem rate, for channels that count it (DOMAIN O6); empty for the others. */
    default java.util.Optional<ProblemRate> problemRate(ChannelAccount account) {
        return java.util.Optional.empty();
    }

    /**
     * After a push whose answer never came (or a crash while sending): reads the channel to tell whether the
     * decision took effect since {@code sentSince}, matching on {@code idempotencyKey} (the one {@link #push} was
     * given) where the channel echoes it. Anything older than {@code sentSince} is not this decision. Channels
     * without idempotency keys depend on this to never refund twice. The default cannot tell, so the decision
     * waits for a person.
     */
    default Reconciliation reconcile(ChannelAccount account, DecisionTarget target, DecisionCommand command, String idempotencyKey,
                                     java.time.Instant sentSince) {
        return Reconciliation.unknown();
    }
}
