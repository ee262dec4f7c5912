package com.disputehub.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.disputehub.channel.runtime.KnownFilters;
import com.disputehub.grouping.Group;
import com.disputehub.grouping.Groups;
import com.disputehub.incident.FilterForm;
import com.disputehub.incident.IncidentFilter;
import com.disputehub.incident.IncidentPage;
import com.disputehub.incident.IncidentQueries;
import com.disputehub.incident.IncidentSort;
import com.disputehub.incident.IncidentView;
import com.disputehub.incident.TabCounts;

/** The inbox: tabs with counts, filters, the list (keyset pages), and what to do with the ticked incidents. */
@Controller
class InboxController {

    static final int PAGE_SIZE = 50;

    private final IncidentQueries queries;
    private final Groups groups;
    private final FilterChoices choices;
    private final Clock clock;
    private final KnownFilters knownFilters;

    InboxController(IncidentQueries queries, Groups groups, FilterChoices choices, Clock clock, KnownFilters knownFilters) {
        this.knownFilters = knownFilters;
        this.queries = queries;
        this.groups = groups;
        this.choices = choices;
        this.clock = clock;
    }

    /** A tab: its view (null for All), the count, the colour of the seed pages and its link. */
    record Tab(String key, IncidentView view, long count, String tone, boolean active, String href) {
    }

    @GetMapping("/inbox")
    String inbox(FilterForm form, @RequestParam(required = false) UUID group, @RequestParam(required = false) String sort,
                 @RequestParam(required = false) String after, Model model) {
        IncidentFilter filter = knownFilters.check(form);
        IncidentFilter members = group == null ? filter : groups.members(group, filter);
        IncidentPage page = queries.search(members, IncidentSort.parse(sort), after, PAGE_SIZE);
        TabCounts counts = queries.counts(members);
        Instant now = clock.instant();
        model.addAttribute("form", form);
        model.addAttribute("group", group);
        model.addAttribute("sort", sort == null ? "" : sort.toLowerCase(Locale.ROOT));
        model.addAttribute("tabs", tabs(form, group, sort, counts, filter.view()));
        model.addAttribute("rows", page.items().stream().map(i -> IncidentRow.of(i, now)).toList());
        model.addAttribute("here", Links.inbox(form, group, sort, after));
        model.addAttribute("next", page.next() == null ? null : Links.inbox(form, group, sort, page.next()));
        model.addAttribute("matching", filter.view() == null ? counts.all() : counts.of(filter.view()));
        List<Group> allGroups = groups.all();
        model.addAttribute("groups", allGroups);
        model.addAttribute("manualGroups", allGroups.stream().filter(g -> !g.isRule()).toList());
        model.addAttribute("activeGroup", group == null ? null : groups.find(group));
        model.addAttribute("bulkHref", Links.bulk(form, group));
        choices.addTo(model);
        return "inbox";
    }

    /** Adds the ticked incidents to a manual group, or to a new one named here. */
    @PostMapping("/inbox/selection/group")
    String addToGroup(@RequestParam(name = "ids", required = false) List<UUID> ids,
                      @RequestParam(required = false) UUID groupId, @RequestParam(required = false) String newGroup,
                      @RequestParam(defaultValue = "/inbox") String back, RedirectAttributes flash) {
        String redirect = safeBack(back);
        if (ids == null || ids.isEmpty()) {
            throw new IllegalArgumentException("tick at least one incident first");
        }
        UUID target = newGroup != null && !newGroup.isBlank() ? groups.create(newGroup, null).id() : groupId;
        if (target == null) {
            throw new IllegalArgumentException("choose a group or name a new one");
        }
        int added = groups.add(target, ids);
        flash.addFlashAttribute("notice", new Notice("notice.addedToGroup", added, groups.find(target).name()));
        return redirect;
    }

    /** Removes the ticked incidents from the manual group the list shows. */
    @PostMapping("/inbox/selection/ungroup")
    String removeFromGroup(@RequestParam(name = "ids", required = false) List<UUID> ids, @RequestParam UUID group,
                           @RequestParam(defaultValue = "/inbox") String back, RedirectAttributes flash) {
        String redirect = safeBack(back);
        if (ids == null || ids.isEmpty()) {
            throw new IllegalArgumentException("tick at least one incident first");
        }
        int removed = groups.remove(group, ids);
        flash.addFlashAttribute("notice", new Notice("notice.removedFromGroup", removed, groups.find(group).name()));
        return redirect;
    }

    /** A message for the next page, with up to two arguments. */
    record Notice(String key, Object a, Object b) {
    }

    /**
     * The redirect to our own page named by {@code back}: never outside the inbox. Checked before any change is made,
     * so that an address a redirect cannot carry (a control character, a space) is a 400 with nothing saved.
     */
    static String safeBack(String back) {
        if (back == null || !back.startsWith("/inbox") || back.startsWith("//")) {
            return "redirect:/inbox";
        }
        if (back.length() > 2000 || !SAFE_PATH.matcher(back).matches()) {
            throw new IllegalArgumentException("'back' must be an inbox address, not '"
                    + (back.length() > 60 ? back.substring(0, 60) + "…" : back) + "'");
        }
        return "redirect:" + back;
    }

    private static final java.util.regex.Pattern SAFE_PATH = java.util.regex.Pattern.compile("/inbox[A-Za-z0-9/?&=%._~+,:;@!$'()*#-]*");

    private static List<Tab> tabs(FilterForm form, UUID group, String sort, TabCounts counts, IncidentView active) {
        List<Tab> tabs = new ArrayList<>();
        tabs.add(new Tab("all", null, counts.all(), "none", active == null, Links.inbox(form.withView(null), group, sort, null)));
        for (IncidentView view : IncidentView.values()) {
            String key = view.name().toLowerCase(Locale.ROOT).replace('_', '-');
            String tone = switch (view) {
                case ACTION_NEEDED -> "red";
                case DECISION_SENT -> "green";
                default -> "none";
            };
            tabs.add(new Tab(key, view, counts.of(view), tone, view == active, Links.inbox(form.withView(key), group, sort, null)));
        }
        return tabs;
    }
}
