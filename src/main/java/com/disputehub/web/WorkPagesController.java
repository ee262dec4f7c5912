package com.disputehub.web;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.disputehub.access.Actor;
import com.disputehub.access.Users;
import com.disputehub.decision.IncidentNotFoundException;
import com.disputehub.incident.IncidentEvents;
import com.disputehub.incident.IncidentStore;
import com.disputehub.incident.IncidentWork;

/** The page forms for a seller's work (DOMAIN X9): give incidents to someone, pin, snooze and wake,
 * and say that a message needs no reply. */
@Controller
class WorkPagesController {

    private final IncidentStore store;
    private final IncidentWork work;
    private final Users users;
    private final WebFormat format;

    WorkPagesController(IncidentStore store, IncidentWork work, Users users, WebFormat format) {
        this.store = store;
        this.work = work;
        this.users = users;
        this.format = format;
    }

    @PostMapping("/inbox/incidents/{id}/assignee")
    String assign(@PathVariable UUID id, @RequestParam(defaultValue = "") String assignee, RedirectAttributes flash) {
        find(id);
        String actor = Actor.current();
        String login = users.assigneeFor(assignee, actor);
        work.assign(id, login, actor, IncidentEvents.Source.PERSON);
        flash.addFlashAttribute("notice", login == null ? new InboxController.Notice("notice.unassigned", null, null)
                : new InboxController.Notice("notice.assigned", 1, login));
        return "redirect:/inbox/incidents/" + id;
    }

    @PostMapping("/inbox/incidents/{id}/pin")
    String pin(@PathVariable UUID id, @RequestParam boolean pinned) {
        find(id);
        work.pin(id, pinned, Actor.current());
        return "redirect:/inbox/incidents/" + id;
    }

    /** Until a time ({@code until}, in the inbox's zone), or until the channel changes it ({@code until} blank). */
    @PostMapping("/inbox/incidents/{id}/snooze")
    String snooze(@PathVariable UUID id, @RequestParam(defaultValue = "") String until, RedirectAttributes flash) {
        find(id);
        work.snooze(id, until.isBlank() ? null : format.parseLocal("until", until), Actor.current());
        flash.addFlashAttribute("notice", new InboxController.Notice("notice.snoozed", null, null));
        return "redirect:/inbox";
    }

    @PostMapping("/inbox/incidents/{id}/wake")
    String wake(@PathVariable UUID id) {
        find(id);
        work.wake(id, Actor.current());
        return "redirect:/inbox/incidents/" + id;
    }

    /** The buyer's or the operator's last message needs no reply (DOMAIN M5); recorded here only, and the notice says so. */
    @PostMapping("/inbox/incidents/{id}/no-reply-needed")
    String noReplyNeeded(@PathVariable UUID id, RedirectAttributes flash) {
        find(id);
        store.markNoReplyNeeded(id, Actor.current(), IncidentEvents.Source.PERSON);
        flash.addFlashAttribute("notice", new InboxController.Notice("notice.noReplyNeeded", null, null));
        return "redirect:/inbox/incidents/" + id;
    }

    /** Gives the ticked incidents to someone (or to nobody), then back to the same list. */
    @PostMapping("/inbox/selection/assign")
    String assignSelected(@RequestParam(name = "ids", required = false) List<UUID> ids,
                          @RequestParam(defaultValue = "") String assignee, @RequestParam(defaultValue = "/inbox") String back,
                          RedirectAttributes flash) {
        String redirect = InboxController.safeBack(back);
        if (ids == null || ids.isEmpty()) {
            throw new IllegalArgumentException("tick at least one incident first");
        }
        String actor = Actor.current();
        String login = users.assigneeFor(assignee, actor);
        int changed = work.assignAll(ids, login, actor, IncidentEvents.Source.PERSON);
        flash.addFlashAttribute("notice", login == null ? new InboxController.Notice("notice.unassignedMany", changed, null)
                : new InboxController.Notice("notice.assigned", changed, login));
        return redirect;
    }

    private void find(UUID id) {
        store.find(id).orElseThrow(() -> new IncidentNotFoundException(id));
    }
}
