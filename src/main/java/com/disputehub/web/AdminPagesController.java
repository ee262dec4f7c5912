package com.disputehub.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.disputehub.access.Actor;
import com.disputehub.access.Administration;
import com.disputehub.access.Role;
import com.disputehub.access.Scope;

import jakarta.servlet.http.HttpServletResponse;

/** People and API keys for an ADMIN (DOMAIN X6): the admin API's work as pages; a new key's secret is shown once. */
@Controller
class AdminPagesController {

    private final Administration admin;

    AdminPagesController(Administration admin) {
        this.admin = admin;
    }

    @GetMapping("/inbox/admin")
    String page(Model model) {
        model.addAttribute("people", admin.users());
        model.addAttribute("keys", admin.keys());
        model.addAttribute("roles", Role.values());
        model.addAttribute("scopes", Scope.values());
        return "admin";
    }

    @PostMapping("/inbox/admin/users")
    String createUser(@RequestParam String login, @RequestParam(required = false) String email,
                      @RequestParam(required = false) String displayName, @RequestParam String role,
                      @RequestParam String password, RedirectAttributes flash) {
        return done(() -> admin.createUser(login, email, displayName, role, password).login(), "notice.userCreated", flash);
    }

    /** One change at a time, as the row's forms send it: a role, enabled or not, or a new password. */
    @PostMapping("/inbox/admin/users/{login}")
    String changeUser(@PathVariable String login, @RequestParam(required = false) String role,
                      @RequestParam(required = false) Boolean enabled, @RequestParam(required = false) String password,
                      RedirectAttributes flash) {
        return done(() -> admin.changeUser(Actor.current(), login, role, enabled, password)
                .orElseThrow(() -> new IllegalArgumentException("no user '" + login + "'")).login(), "notice.userChanged", flash);
    }

    /** The new key's secret on a page of its own, never stored in the session nor kept by the browser. */
    @PostMapping("/inbox/admin/keys")
    String createKey(@RequestParam String name, @RequestParam(required = false) List<String> scopes,
                     @RequestParam(required = false) LocalDate expires, Model model, HttpServletResponse response,
                     RedirectAttributes flash) {
        try {
            model.addAttribute("made", admin.createKey(Actor.current(), name, scopes,
                    expires == null ? null : expires.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        } catch (IllegalArgumentException e) {
            refuse(flash, e.getMessage());
            return "redirect:/inbox/admin#keys";
        }
        response.setHeader("Cache-Control", "no-store");
        return "admin-key";
    }

    /** Revokes once confirmed: an ERP using the key is cut off at once. */
    @PostMapping("/inbox/admin/keys/{id}/revoke")
    String revokeKey(@PathVariable UUID id, @RequestParam Map<String, String> params, Model model, RedirectAttributes flash) {
        String name = admin.keys().stream().filter(k -> k.id().equals(id) && k.revokedAt() == null).map(k -> k.name())
                .findFirst().orElse(null);
        if (name == null) {
            refuse(flash, "no live API key " + id);
            return "redirect:/inbox/admin#keys";
        }
        if (!Confirmation.given(params)) {
            return Confirmation.page(model, "revokeKey", new Object[] {name}, null, "/inbox/admin/keys/" + id + "/revoke",
                    params, "/inbox/admin#keys");
        }
        admin.revokeKey(id);
        flash.addFlashAttribute("notice", new InboxController.Notice("notice.keyRevoked", name, null));
        return "redirect:/inbox/admin#keys";
    }

    private static String done(Supplier<String> change, String notice, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("notice", new InboxController.Notice(notice, change.get(), null));
        } catch (IllegalArgumentException | IllegalStateException e) {
            refuse(flash, e.getMessage());
        }
        return "redirect:/inbox/admin";
    }

    private static void refuse(RedirectAttributes flash, String why) {
        flash.addFlashAttribute("refusal", List.of(why));
        flash.addFlashAttribute("refusalTitle", "admin.refused");
    }
}
