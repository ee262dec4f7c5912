package com.disputehub.api;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ProblemRate;
import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.channel.runtime.ChannelAdapters;
import com.disputehub.channel.runtime.ChannelGuards;
import com.disputehub.channel.support.AccountTokens;
import com.disputehub.incident.ChangeEvent;
import com.disputehub.incident.ChangeFeed;
import com.disputehub.sync.Quarantine;
import com.disputehub.sync.QuarantinedRecord;
import com.disputehub.sync.SyncStates;
import com.disputehub.sync.SyncStatus;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Accounts with their sync status, the quarantine, and the change feed for ERPs. */
@Tag(name = "Accounts", description = "Configured accounts, their sync status, quarantine and the change feed")
@RestController
class AccountController {

    private final ChannelAccounts accounts;
    private final SyncStates states;
    private final Quarantine quarantine;
    private final ChangeFeed changes;
    private final ChannelAdapters adapters;
    private final ChannelGuards guards;
    private final AccountTokens tokens;

    AccountController(ChannelAccounts accounts, SyncStates states, Quarantine quarantine, ChangeFeed changes,
                      ChannelAdapters adapters, ChannelGuards guards, AccountTokens tokens) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.states = states;
        this.quarantine = quarantine;
        this.changes = changes;
        this.adapters = adapters;
        this.guards = guards;
    }

    @Operation(operationId = "listAccounts", summary = "Configured accounts (no credentials) with their sync status")
    @GetMapping("/api/accounts")
    List<AccountView> accounts() {
        return accounts.all().stream().map(a -> new AccountView(a.id(), a.channelType(), a.baseUrl().toString(),
                a.pollInterval().toString(), a.sandbox(), states.find(a.id()).orElse(null))).toList();
    }

    /** DOMAIN O6: the account's reported-problem rate as its channel counts it, flagged above the threshold. */
    @Operation(operationId = "getProblemRate", summary = "An account's reported-problem rate as its channel counts it (O6)")
    @GetMapping("/api/accounts/{id}/problem-rate")
    ProblemRate problemRate(@PathVariable String id) {
        ChannelAccount account = accounts.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no account '" + id + "'"));
        return guards.call(account, () -> adapters.get(account.channelType()).problemRate(account))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "channel '" + account.channelType() + "' does not report a problem rate"));
    }

    /**
     * The seller authorized the connector again (a new refresh token from the channel's consent page): the token is
     * stored encrypted and a paused account resumes at its next poll. The token is never echoed or logged.
     */
    @Operation(operationId = "reconnectAccount", summary = "Give an OAuth account a new refresh token; a paused account resumes")
    @PutMapping("/api/accounts/{id}/refresh-token")
    Map<String, Object> reconnect(@PathVariable String id, @RequestBody RefreshTokenRequest request) {
        ChannelAccount account = accounts.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no account '" + id + "'"));
        try {
            tokens.reconnect(account, request == null ? null : request.refreshToken());
        } catch (IllegalStateException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
        return Map.of("accountId", id, "paused", guards.paused(account));
    }

    @Operation(operationId = "listQuarantine", summary = "Records a channel sent that could not be read, with the stage and error")
    @GetMapping("/api/quarantine")
    List<QuarantineView> quarantine(@RequestParam(required = false) String account,
                                    @RequestParam(defaultValue = "50") int limit) {
        return quarantine.recent(account, Math.min(Math.max(limit, 1), 500)).stream().map(QuarantineView::of).toList();
    }

    /** Incident changes after a sequence number, oldest first: an ERP stores the last sequence it read. */
    @Operation(operationId = "listChanges", summary = "The change feed, the event stream's thin older form: {sequence, incidentId, CREATED|UPDATED}")
    @GetMapping("/api/changes")
    List<ChangeEvent> changes(@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
        return changes.after(after, Math.min(Math.max(limit, 1), 1000));
    }

    /** An account as configured (without credentials) and its sync status. */
    record AccountView(String id, String channel, String baseUrl, String pollInterval, boolean sandbox, SyncStatus sync) {
    }

    /** A quarantined record; the raw bytes in base64, and as text when they are UTF-8. */
    record QuarantineView(long id, String accountId, String channel, String recordRef, String stage, String error,
                          String contentType, String rawText, String rawBase64, java.time.Instant createdAt) {

        static QuarantineView of(QuarantinedRecord r) {
            return new QuarantineView(r.id(), r.accountId(), r.channelType(), r.recordRef(), r.stage(), r.error(),
                    r.contentType(), new String(r.raw(), java.nio.charset.StandardCharsets.UTF_8),
                    Base64.getEncoder().encodeToString(r.raw()), r.createdAt());
        }
    }
}
