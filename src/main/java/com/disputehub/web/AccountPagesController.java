package com.disputehub.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.channel.runtime.ChannelGuards;
import com.disputehub.channel.support.AccountTokens;
import com.disputehub.grouping.NotFoundException;
import com.disputehub.sync.SyncStates;
import com.disputehub.sync.SyncStatus;

/**
 * The accounts as a page (DOMAIN X9): each account's channel, how its sync goes (last success, last error, what it
 * stored and quarantined), whether it is paused and why, its incidents; an admin gives a paused OAuth account the
 * seller's new refresh token here.
 */
@Controller
class AccountPagesController {

    private final ChannelAccounts accounts;
    private final SyncStates states;
    private final ChannelGuards guards;
    private final AccountTokens tokens;

    AccountPagesController(ChannelAccounts accounts, SyncStates states, ChannelGuards guards, AccountTokens tokens) {
        this.accounts = accounts;
        this.states = states;
        this.guards = guards;
        this.tokens = tokens;
    }

    /** One account's line: its sync, its health (ok, failing, paused, not polled yet), why it is paused. */
    record Line(ChannelAccount account, SyncStatus sync, String health, String pausedBecause, boolean reconnects) {
    }

    @GetMapping("/inbox/accounts")
    String list(Model model) {
        Map<String, AccountTokens.PausedAccount> paused = tokens.pausedAccounts().stream()
                .collect(Collectors.toMap(AccountTokens.PausedAccount::accountId, p -> p, (a, b) -> a));
        List<Line> lines = accounts.all().stream().map(a -> {
            SyncStatus sync = states.find(a.id()).orElse(null);
            AccountTokens.PausedAccount pause = paused.get(a.id());
            return new Line(a, sync, health(a, sync, pause != null), pause == null ? null : pause.reason(), AccountTokens.refreshes(a));
        }).toList();
        model.addAttribute("lines", lines);
        return "accounts";
    }

    @PostMapping("/inbox/accounts/{id}/refresh-token")
    String reconnect(@PathVariable String id, @RequestParam(defaultValue = "") String refreshToken, RedirectAttributes flash) {
        ChannelAccount account = accounts.find(id).orElseThrow(() -> new NotFoundException("no account '" + id + "'"));
        tokens.reconnect(account, refreshToken.strip());
        flash.addFlashAttribute("notice", new InboxController.Notice("notice.reconnected", id, null));
        return "redirect:/inbox/accounts";
    }

    private String health(ChannelAccount account, SyncStatus sync, boolean tokenPaused) {
        if (tokenPaused || guards.paused(account)) {
            return "paused";
        }
        if (sync == null || sync.lastPollFinished() == null) {
            return "waiting";
        }
        if (sync.lastErrorAt() != null && (sync.lastSuccess() == null || sync.lastErrorAt().isAfter(sync.lastSuccess()))) {
            return "failing";
        }
        return "ok";
    }
}
