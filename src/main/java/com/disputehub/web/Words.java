package com.disputehub.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import com.disputehub.incident.TimelineEvent;
import com.disputehub.incident.TimelineText;

/**
 * Says the timeline's and the decisions' words in the page's language ({@code @words} in the templates), with dates
 * for people; an entry in a channel's own words is shown as the channel wrote it.
 */
@Component("words")
class Words {

    private final MessageSource messages;
    private final WebFormat format;

    Words(MessageSource messages, WebFormat format) {
        this.messages = messages;
        this.format = format;
    }

    public String say(TimelineText text) {
        return text.render(messages, LocaleContextHolder.getLocale(), format::time, true);
    }

    public java.util.List<String> sayAll(java.util.List<TimelineText> texts) {
        return texts.stream().map(this::say).toList();
    }

    public String say(TimelineEvent event) {
        return event.text() == null ? event.summary() : say(event.text());
    }
}
