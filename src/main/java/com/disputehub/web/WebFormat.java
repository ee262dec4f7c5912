package com.disputehub.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import com.disputehub.incident.Money;


/**
 * Dates and amounts as people of the page's language write them (2 déc. 2026, 09:00; 12,50 €), dates in the
 * inbox's time zone, for the templates ({@code @webFormat}).
 */
@Component("webFormat")
class WebFormat {

    private final DateTimeFormatter time;
    private final ZoneId zone;

    WebFormat(@Value("${disputehub.inbox.zone:Europe/Madrid}") ZoneId zone) {
        this.zone = zone;
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withZone(zone);
    }

    public String time(Instant at) {
        return at == null ? "" : time.withLocale(LocaleContextHolder.getLocale()).format(at);
    }

    /** A {@code datetime-local} field's value (2026-12-03T09:00), read in the inbox's time zone. */
    Instant parseLocal(String field, String value) {
        try {
            return java.time.LocalDateTime.parse(value.trim()).atZone(zone).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + field + "' must be a date and time, like 2026-12-03T09:00, not '" + value + "'");
        }
    }

    public String zone() {
        return zone.getId();
    }

    public String money(Money money) {
        if (money == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        try {
            Currency currency = Currency.getInstance(money.currency());
            NumberFormat format = NumberFormat.getCurrencyInstance(locale);
            format.setCurrency(currency);
            return format.format(money.amount());
        } catch (IllegalArgumentException unknownCurrency) {
            return money.display();
        }
    }

    /** Only http(s) links become links or images; anything else (javascript:, data:) is shown as text. */
    public boolean safeUrl(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }
}
