package com.disputehub.reply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.command.DecisionType;
import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.grouping.DecisionTemplate;
import com.disputehub.incident.Incident;

/** Saved replies as one incident's form gets them: in its buyer's language, placeholders filled with its values. */
@Component
public class ReplyForIncident {

    /** A template ready for one incident's form: the texts by field name. */
    public record Rendered(UUID id, String name, String language, Map<String, String> texts) {
    }

    private final ReplyTemplates templates;
    private final ChannelAccounts accounts;

    ReplyForIncident(ReplyTemplates templates, ChannelAccounts accounts) {
        this.templates = templates;
        this.accounts = accounts;
    }

    /** The templates for this decision on this incident's channel, rendered for it. */
    public List<Rendered> of(Incident incident, DecisionType type) {
        String language = language(incident);
        return templates.list(type, incident.channelType()).stream().map(t -> render(t, incident, language)).toList();
    }

    public Rendered render(ReplyTemplate template, Incident incident) {
        return render(template, incident, language(incident));
    }

    private static Rendered render(ReplyTemplate template, Incident incident, String language) {
        Map<String, String> texts = new LinkedHashMap<>();
        template.textsIn(language).forEach((field, text) -> texts.put(field, DecisionTemplate.fillFor(text, incident)));
        return new Rendered(template.id(), template.name(), template.languageFor(language), texts);
    }

    /** The buyer's language: the account's {@code locale} option (es_ES gives es); null when unset. */
    public String language(Incident incident) {
        return accounts.find(incident.accountId()).flatMap(ChannelAccount::language).orElse(null);
    }
}
