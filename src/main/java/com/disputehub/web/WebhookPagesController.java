package com.disputehub.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.disputehub.access.Actor;
import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.event.EventType;
import com.disputehub.grouping.NotFoundException;
import com.disputehub.webhook.WebhookEndpoint;
import com.disputehub.webhook.WebhookRequest;
import com.disputehub.webhook.WebhookService;

import jakarta.servlet.http.HttpServletResponse;

/** Webhook endpoints for an ADMIN (DOMAIN X7): the webhooks API's work as pages; a secret is shown once. */
@Controller
class WebhookPagesController {

    static final String BASE = "/inbox/admin/webhooks";
    static final int LOG_SIZE = 50;

    private final WebhookService webhooks;
    private final ChannelAccounts accounts;
    private final ZoneId zone;

    WebhookPagesController(WebhookService webhooks, ChannelAccounts accounts,
                           @Value("${disputehub.inbox.zone:UTC}") ZoneId zone) {
        this.webhooks = webhooks;
        this.accounts = accounts;
        this.zone = zone;
    }

    @GetMapping(BASE)
    String list(Model model) {
        model.addAttribute("endpoints", webhooks.all());
        model.addAttribute("accounts", accounts.all().stream().map(a -> a.id()).toList());
        model.addAttribute("types", Arrays.stream(EventType.values()).map(EventType::wire).toList());
        return "webhooks";
    }

    @GetMapping(BASE + "/{id}")
    String one(@PathVariable UUID id, Model model) {
        model.addAttribute("endpoint", endpoint(id));
        model.addAttribute("deliveries", webhooks.log(id, null, LOG_SIZE));
        return "webhook";
    }

    /** The new endpoint's secret on a page of its own, never kept by the browser. */
    @PostMapping(BASE)
    String create(@RequestParam String url, @RequestParam(required = false) String description,
                  @RequestParam(defaultValue = "*") String eventTypes, @RequestParam(required = false) List<String> accounts,
                  Model model, HttpServletResponse response, RedirectAttributes flash) {
        try {
            WebhookService.Created created = webhooks.create(new WebhookRequest(url, description, patterns(eventTypes),
                    accounts == null ? List.of() : accounts, true, null), Actor.current());
            return secret(model, response, created.endpoint(), created.secret());
        } catch (IllegalArgumentException e) {
            return refuse(flash, e.getMessage(), BASE);
        }
    }

    @PostMapping(BASE + "/{id}/enabled")
    String enable(@PathVariable UUID id, @RequestParam boolean enabled, RedirectAttributes flash) {
        webhooks.change(id, new WebhookRequest(null, null, null, null, enabled, null)).orElseThrow(() -> missing(id));
        flash.addFlashAttribute("notice", new InboxController.Notice(enabled ? "notice.webhookEnabled" : "notice.webhookDisabled",
                endpoint(id).url(), null));
        return "redirect:" + BASE;
    }

    @PostMapping(BASE + "/{id}/test")
    String test(@PathVariable UUID id, RedirectAttributes flash) {
        webhooks.sendTest(id, Actor.current()).orElseThrow(() -> missing(id));
        flash.addFlashAttribute("notice", new InboxController.Notice("notice.webhookTest", endpoint(id).url(), null));
        return "redirect:" + BASE + "/" + id;
    }

    @PostMapping(BASE + "/{id}/rotate")
    String rotate(@PathVariable UUID id, @RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        WebhookEndpoint endpoint = endpoint(id);
        if (!Confirmation.given(params)) {
            return Confirmation.page(model, "rotateSecret", new Object[] {endpoint.url()}, null, BASE + "/" + id + "/rotate",
                    params, BASE);
        }
        return secret(model, response, endpoint, webhooks.rotate(id).orElseThrow(() -> missing(id)).secret());
    }

    @PostMapping(BASE + "/{id}/delete")
    String delete(@PathVariable UUID id, @RequestParam Map<String, String> params, Model model, RedirectAttributes flash) {
        WebhookEndpoint endpoint = endpoint(id);
        if (!Confirmation.given(params)) {
            return Confirmation.page(model, "deleteWebhook", new Object[] {endpoint.url()}, null, BASE + "/" + id + "/delete",
                    params, BASE);
        }
        webhooks.delete(id);
        flash.addFlashAttribute("notice", new InboxController.Notice("notice.webhookDeleted", endpoint.url(), null));
        return "redirect:" + BASE;
    }

    /** Delivers one event again, or the endpoint's events of a time range (in the inbox's zone). */
    @PostMapping(BASE + "/{id}/replay")
    String replay(@PathVariable UUID id, @RequestParam(required = false) UUID eventId,
                  @RequestParam(required = false) LocalDateTime from, @RequestParam(required = false) LocalDateTime to,
                  RedirectAttributes flash) {
        WebhookEndpoint endpoint = endpoint(id);
        try {
            int queued = eventId != null ? (webhooks.replay(id, eventId) ? 1 : 0)
                    : webhooks.replay(endpoint, from == null ? null : from.atZone(zone).toInstant(),
                    to == null ? null : to.atZone(zone).toInstant());
            flash.addFlashAttribute("notice", new InboxController.Notice("notice.webhookReplay", queued, null));
        } catch (IllegalArgumentException e) {
            return refuse(flash, e.getMessage(), BASE + "/" + id);
        }
        return "redirect:" + BASE + "/" + id;
    }

    private String secret(Model model, HttpServletResponse response, WebhookEndpoint endpoint, String secret) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("endpoint", endpoint);
        model.addAttribute("secret", secret);
        return "webhook-secret";
    }

    private WebhookEndpoint endpoint(UUID id) {
        return webhooks.find(id).orElseThrow(() -> missing(id));
    }

    private static NotFoundException missing(UUID id) {
        return new NotFoundException("no webhook endpoint " + id);
    }

    private static List<String> patterns(String text) {
        return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private static String refuse(RedirectAttributes flash, String why, String back) {
        flash.addFlashAttribute("refusal", List.of(why));
        flash.addFlashAttribute("refusalTitle", "admin.refused");
        return "redirect:" + back;
    }
}
