package com.disputehub.incident;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** An amount with its ISO 4217 currency; never a double. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an ISO 4217 currency code: '" + currency + "'");
        }
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    /** Equal amounts compare equal whatever their scale (10.5 and 10.50). */
    public boolean sameAs(Money other) {
        return other != null && currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    /** For people: at least two decimals, no trailing zeros beyond them ("34.90 EUR", not "34.9000 EUR"). */
    public String display() {
        BigDecimal plain = amount.stripTrailingZeros();
        return plain.setScale(Math.max(2, plain.scale())).toPlainString() + " " + currency;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
