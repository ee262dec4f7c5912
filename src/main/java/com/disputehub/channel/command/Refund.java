package com.disputehub.channel.command;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.disputehub.incident.Amounts;
import com.disputehub.incident.TimelineText;
import com.disputehub.incident.TimelineText.Arg;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A refund (DOMAIN M6): TOTAL refunds what is left of the line; DETAILED gives quantity, amounts and taxes.
 * Amounts are in the order's currency. Without a mode, a refund with amounts is DETAILED, one without is TOTAL.
 * {@code message} is the optional text of a supplier refund request (DSers, CJ); marketplaces refuse it.
 */
public record Refund(Mode mode, String reasonCode, Integer quantity, @JsonDeserialize(using = Amounts.Json.class) BigDecimal amount,
                     List<TaxAmount> taxes, @JsonDeserialize(using = Amounts.Json.class) BigDecimal shippingAmount,
                     List<TaxAmount> shippingTaxes, String message) implements DecisionCommand {

    /** Whether the whole line is refunded or the given amounts. */
    public enum Mode { TOTAL, DETAILED }

    /** A tax line of a refund, by the channel's tax code. */
    public record TaxAmount(String code, @JsonDeserialize(using = Amounts.Json.class) BigDecimal amount) {
    }

    public Refund(Mode mode, String reasonCode, Integer quantity, BigDecimal amount, List<TaxAmount> taxes,
                  BigDecimal shippingAmount, List<TaxAmount> shippingTaxes) {
        this(mode, reasonCode, quantity, amount, taxes, shippingAmount, shippingTaxes, null);
    }

    public Refund {
        if (mode == null) {
            mode = amount != null || shippingAmount != null ? Mode.DETAILED : Mode.TOTAL;
        }
        taxes = taxes == null ? List.of() : List.copyOf(taxes);
        shippingTaxes = shippingTaxes == null ? List.of() : List.copyOf(shippingTaxes);
    }

    @Override
    public DecisionType type() {
        return DecisionType.REFUND;
    }

    @Override
    public List<TimelineText> problems() {
        List<TimelineText> problems = new ArrayList<>(SupplierMessages.problems(message));
        if (mode == Mode.DETAILED) {
            if (amount == null || shippingAmount == null) {
                problems.add(TimelineText.of("pr.detailedAmounts", TimelineText.field("amount"), TimelineText.field("shippingAmount")));
            }
            if (quantity == null || quantity < 0) {
                problems.add(TimelineText.of("pr.detailedQuantity", TimelineText.field("quantity")));
            }
            checkNotNegative(problems, "amount", amount);
            checkNotNegative(problems, "shippingAmount", shippingAmount);
            taxes.forEach(t -> checkNotNegative(problems, "tax " + t.code(), t.amount()));
            shippingTaxes.forEach(t -> checkNotNegative(problems, "shipping tax " + t.code(), t.amount()));
            if (amount != null && shippingAmount != null && amount.signum() == 0 && shippingAmount.signum() == 0) {
                problems.add(TimelineText.of("pr.zeroRefund"));
            }
        }
        return problems;
    }

    private static void checkNotNegative(List<TimelineText> problems, String name, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            problems.add(TimelineText.of("pr.negative", TimelineText.field(name)));
        }
    }

    @Override
    public Map<String, BigDecimal> amounts() {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        amounts.put("amount", amount);
        amounts.put("shippingAmount", shippingAmount);
        taxes.forEach(t -> amounts.put("tax " + t.code(), t.amount()));
        shippingTaxes.forEach(t -> amounts.put("shipping tax " + t.code(), t.amount()));
        amounts.values().removeIf(java.util.Objects::isNull);
        return amounts;
    }

    @Override
    public TimelineText words() {
        return SupplierMessages.with(mode == Mode.DETAILED
                ? reasonCode == null ? TimelineText.of("tld.refundDetailed", Arg.values(amount, shippingAmount))
                : TimelineText.of("tld.refundDetailedReason", Arg.values(amount, shippingAmount, reasonCode))
                : reasonCode == null ? TimelineText.of("tld.refundTotal") : TimelineText.of("tld.refundTotalReason", Arg.value(reasonCode)), message);
    }
}
