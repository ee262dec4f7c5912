package com.disputehub.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.disputehub.access.Actor;
import com.disputehub.channel.command.DecisionType;
import com.disputehub.channel.runtime.ChannelAdapters;
import com.disputehub.grouping.DecisionTemplate;
import com.disputehub.grouping.NotFoundException;
import com.disputehub.reply.ReplyTemplate;
import com.disputehub.reply.ReplyTemplateRequest;
import com.disputehub.reply.ReplyTemplates;

/**
 * Saved replies on a page (DOMAIN X9): the list, a form to write one (its decision first, then its texts in each
 * language), changes, and deletion after a confirmation.
 */
@Controller
class TemplatePagesController {

    /** The languages a template's form offers: the inbox's five. */
    static final List<String> LANGUAGES = List.of("es", "en", "it", "nl", "pt");

    private final ReplyTemplates templates;
    private final ChannelAdapters adapters;

    TemplatePagesController(ReplyTemplates templates, ChannelAdapters adapters) {
        this.templates = templates;
        this.adapters = adapters;
    }

    /** The list, and the form: empty, for a new template of {@code type}, or filled with template {@code edit}. */
    @GetMapping("/inbox/templates")
    String list(@RequestParam(required = false) DecisionType type, @RequestParam(required = false) UUID edit, Model model) {
        ReplyTemplate editing = edit == null ? null : templates.find(edit).orElseThrow(() -> new NotFoundException("no template " + edit));
        DecisionType shown = editing != null ? editing.type() : type;
        model.addAttribute("templates", templates.list(null, null));
        model.addAttribute("editing", editing);
        model.addAttribute("type", shown);
        model.addAttribute("types", java.util.Arrays.stream(DecisionType.values()).filter(t -> !templates.textFields(t).isEmpty()).toList());
        model.addAttribute("fields", shown == null ? List.of() : List.copyOf(templates.textFields(shown)));
        model.addAttribute("channels", adapters.channelTypes().stream().sorted().toList());
        model.addAttribute("languages", LANGUAGES);
        model.addAttribute("placeholders", DecisionTemplate.PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}").toList());
        return "templates";
    }

    @PostMapping("/inbox/templates")
    String create(@RequestParam Map<String, String> params, RedirectAttributes flash) {
        ReplyTemplate created = templates.create(request(params), Actor.current());
        flash.addFlashAttribute("notice", new InboxController.Notice("notice.templateSaved", created.name(), null));
        return "redirect:/inbox/templates";
    }

    @PostMapping("/inbox/templates/{id}")
    String update(@PathVariable UUID id, @RequestParam Map<String, String> params, RedirectAttributes flash) {
        ReplyTemplate saved = templates.update(id, request(params), Actor.current())
                .orElseThrow(() -> new NotFoundException("no template " + id));
        flash.addFlashAttribute("notice", new InboxController.Notice("notice.templateSaved", saved.name(), null));
        return "redirect:/inbox/templates";
    }

    @PostMapping("/inbox/templates/{id}/delete")
    String delete(@PathVariable UUID id, @RequestParam Map<String, String> params, Model model, RedirectAttributes flash) {
        ReplyTemplate template = templates.find(id).orElseThrow(() -> new NotFoundException("no template " + id));
        if (!Confirmation.given(params)) {
            return Confirmation.page(model, "deleteTemplate", new Object[] {template.name()}, null,
                    "/inbox/templates/" + id + "/delete", params, "/inbox/templates");
        }
        templates.delete(id);
        flash.addFlashAttribute("notice", new InboxController.Notice("notice.templateDeleted", template.name(), null));
        return "redirect:/inbox/templates";
    }

    /** The form's fields: name, channel, type, and {@code t.<language>.<field>} texts. */
    private static ReplyTemplateRequest request(Map<String, String> params) {
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            String[] parts = name.split("\\.", 3);
            if (parts.length == 3 && parts[0].equals("t") && value != null && !value.isBlank()) {
                texts.computeIfAbsent(parts[1], l -> new LinkedHashMap<>()).put(parts[2], value);
            }
        });
        return new ReplyTemplateRequest(params.get("name"), params.get("channel"), params.get("type"), texts);
    }
}
