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

import com.disputehub.access.Actor;
import com.disputehub.access.Users;
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
import com.disputehub.incident.WorkStates;

/** The inbox: tabs with counts, filters, the list (keyset pages), and what to do with the ticked incidents. */
@Controller
class InboxController {

    static final int PAGE_SIZE = 50;
    /** The most pinned incidents shown above the list. */
    static final int PINNED_SHOWN = 20;

    private final IncidentQueries queries;
    private final Groups groups;
    private final FilterChoices choices;
    private final Clock clock;
    private final KnownFilters knownFilters;
    private final WorkStates work;
    private final Users users;
    private final LivePages live;

    InboxController(IncidentQueries queries, Groups groups, FilterChoices choices, Clock clock, KnownFilters knownFilters,
                    WorkStates work, Users users, LivePages live) {
        this.live = live;
        this.work = work;
        this.users = users;
        this.knownFilters = knownFilters;
        this.queries = queries;
        this.groups = groups;
        this.choices = choices;
        this.clock = clock;
    }

    /** A tab: its view (null for All), the count, the colour of the seed pages and its link. */
    record Tab(String key, IncidentView view, long count, String tone, boolean active, String href) {
    }

    /**
     * The list; "assignee=me" stands for the person signed in, and snoozed incidents stay out of it unless asked for
     * ("snoozed=yes"), so every link and the bulk form carry the same choice.
     */
    @GetMapping("/inbox")
    String inbox(FilterForm asked, @RequestParam(required = false) UUID group, @RequestParam(required = false) String sort,
                 @RequestParam(required = false) String after, @RequestParam(required = false) String trail, Model model) {
        PageTrail pages = PageTrail.parse(trail);
        String me = Actor.current();
        FilterForm viewed = asked.forViewer(me);
        FilterForm form = viewed.snoozed() == null || viewed.snoozed().isBlank() ? viewed.withSnoozed("no") : viewed;
        IncidentFilter filter = knownFilters.check(form);
        IncidentFilter members = group == null ? filter : groups.members(group, filter);
        IncidentSort order = IncidentSort.parse(sort);
        IncidentPage page = queries.search(members, order, after, PAGE_SIZE);
        TabCounts counts = queries.counts(members);
        Instant now = clock.instant();
        boolean pinnedStrip = after == null && filter.pinned() == null;
        model.addAttribute("pinnedRows", pinnedStrip ? IncidentRow.of(queries.search(members.pinned(true), order, null,
                PINNED_SHOWN).items(), work, now) : List.of());
        model.addAttribute("me", me);
        model.addAttribute("liveAfter", live.now());
        model.addAttribute("views", quickViews(form, me, group, sort));
        model.addAttribute("assignables", users.assignableLogins());
        model.addAttribute("form", form);
        model.addAttribute("group", group);
        model.addAttribute("sort", sort == null ? "" : sort.toLowerCase(Locale.ROOT));
        model.addAttribute("tabs", tabs(form, group, sort, counts, filter.view()));
        model.addAttribute("rows", IncidentRow.of(page.items(), work, now));
        model.addAttribute("here", Links.inbox(form, group, sort, after, trail));
        model.addAttribute("next", page.next() == null ? null : Links.inbox(form, group, sort, page.next(), pages.next(after)));
        model.addAttribute("previous", pages.hasPrevious()
                ? Links.inbox(form, group, sort, pages.previousAfter(), pages.previousTrail()) : null);
        model.addAttribute("pageNumber", pages.page());
        model.addAttribute("matching", filter.view() == null ? counts.all() : counts.of(filter.view()));
        List<Group> allGroups = groups.all();
        model.addAttribute("groups", allGroups);
        model.addAttribute("manualGroups", allGroups.stream().filter(g -> !g.isRule()).toList());
        model.addAttribute("activeGroup", group == null ? null : groups.find(group));
        model.addAttribute("bulkHref", Links.bulk(form, group));
        model.addAttribute("exportHref", Links.inbox(form, group, sort, null).replaceFirst("^/inbox", "/api/incidents/export"));
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

    /** A quick view beside the tabs (mine, unassigned, pinned, snoozed): its link, and whether the list shows it. */
    record QuickView(String key, boolean active, String href) {
    }

    private static List<QuickView> quickViews(FilterForm form, String me, UUID group, String sort) {
        FilterForm base = form.withAssignee(null).withSnoozed("no").withPinned(null);
        return List.of(
                new QuickView("mine", me.equalsIgnoreCase(String.valueOf(form.assignee())), Links.inbox(base.withAssignee(me), group, sort, null)),
                new QuickView("unassigned", FilterForm.NOBODY.equals(form.assignee()), Links.inbox(base.withAssignee(FilterForm.NOBODY), group, sort, null)),
                new QuickView("pinned", "yes".equals(form.pinned()), Links.inbox(base.withPinned("yes"), group, sort, null)),
                new QuickView("snoozed", "yes".equals(form.snoozed()), Links.inbox(base.withSnoozed("yes"), group, sort, null)));
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
