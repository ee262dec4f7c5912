package com.disputehub.web;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.disputehub.grouping.Group;
import com.disputehub.grouping.Groups;
import com.disputehub.incident.FilterForm;

/** Groups: the list with sizes; create a manual or a rule group; rename; delete (after a confirmation). */
@Controller
class GroupPagesController {

    private final Groups groups;
    private final FilterChoices choices;

    GroupPagesController(Groups groups, FilterChoices choices) {
        this.groups = groups;
        this.choices = choices;
    }

    /** A group and how many incidents it holds now. */
    record GroupLine(Group group, long size) {
    }

    @GetMapping("/inbox/groups")
    String list(Model model) {
        model.addAttribute("lines", groups.all().stream().map(g -> new GroupLine(g, groups.size(g))).toList());
        model.addAttribute("emptyForm", FilterForm.empty());
        choices.addTo(model);
        return "groups";
    }

    /** {@code type=rule} saves the filter fields as the rule; otherwise a manual group. */
    @PostMapping("/inbox/groups")
    String create(@RequestParam String name, @RequestParam(defaultValue = "manual") String type, FilterForm rule) {
        Group group = groups.create(name, "rule".equals(type) ? rule : null);
        return "redirect:/inbox?group=" + group.id();
    }

    @PostMapping("/inbox/groups/{id}/rename")
    String rename(@PathVariable UUID id, @RequestParam String name) {
        groups.rename(id, name);
        return "redirect:/inbox/groups";
    }

    /** Deletes once confirmed (X6): the first post shows what goes (the group) and what stays (its incidents). */
    @PostMapping("/inbox/groups/{id}/delete")
    String delete(@PathVariable UUID id, @RequestParam Map<String, String> params, Model model) {
        Group group = groups.find(id);
        if (!Confirmation.given(params)) {
            return Confirmation.page(model, "deleteGroup", new Object[] {group.name(), groups.size(group)}, null,
                    "/inbox/groups/" + id + "/delete", params, "/inbox/groups");
        }
        groups.delete(id);
        return "redirect:/inbox/groups";
    }
}
