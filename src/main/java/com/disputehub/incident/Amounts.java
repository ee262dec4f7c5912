package com.disputehub.incident;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Money as it enters, from JSON and from forms: a plain decimal, bounded in size, then held to its currency's
 * minor units (ISO 4217). Exponents ({@code 1E131072}, {@code 1e-400}) never reach a BigDecimal.
 */
public final class Amounts {

    public static final int MAX_INTEGER_DIGITS = 12;
    /** Decimals taken before the currency is known: no ISO 4217 currency has more than four minor digits. */
    private static final Pattern PLAIN = Pattern.compile("-?\\d{1," + MAX_INTEGER_DIGITS + "}(\\.\\d{1,4})?");

    private Amounts() {
    }

    /** The amount, or a sentence for the user naming {@code field}. */
    public static BigDecimal parse(String field, String text) {
        String plain = text == null ? "" : text.trim();
        if (!PLAIN.matcher(plain).matches()) {
            throw new IllegalArgumentException("'" + field + "' must be an amount such as 25 or 19.90 (at most "
                    + MAX_INTEGER_DIGITS + " digits before the point and 4 after, no exponent), not '"
                    + (plain.length() > 40 ? plain.substring(0, 40) + "…" : plain) + "'");
        }
        return new BigDecimal(plain);
    }

    /** What is wrong with an amount in {@code currency} (null: not known): more decimals than its minor units. */
    public static List<TimelineText> problems(String field, BigDecimal amount, String currency) {
        if (amount == null || currency == null) {
            return List.of();
        }
        int digits = minorDigits(currency);
        BigDecimal exact = amount.stripTrailingZeros();
        if (digits >= 0 && exact.scale() > digits) {
            return List.of(TimelineText.of(digits == 1 ? "pr.decimal" : "pr.decimals", TimelineText.field(field),
                    TimelineText.Arg.value(amount.toPlainString()), TimelineText.Arg.value(currency), TimelineText.Arg.value(digits)));
        }
        return List.of();
    }

    private static int minorDigits(String currency) {
        try {
            return Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** Reads a JSON number or string through {@link #parse}; a bad one is a 400 naming the field. */
    public static final class Json extends ValueDeserializer<BigDecimal> {

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonToken token = p.currentToken();
            String field = p.currentName() == null ? "amount" : p.currentName();
            if (token == null || !token.isNumeric() && token != JsonToken.VALUE_STRING) {
                throw InvalidFormatException.from(p, "'" + field + "' must be an amount such as 25 or 19.90", null, BigDecimal.class);
            }
            String text = p.getString();
            try {
                return parse(field, text);
            } catch (IllegalArgumentException e) {
                throw InvalidFormatException.from(p, e.getMessage(), text.length() > 40 ? text.substring(0, 40) : text, BigDecimal.class);
            }
        }
    }
}
