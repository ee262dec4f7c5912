package com.disputehub.channel.dsers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.disputehub.channel.command.AskExpedite;
import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.channel.command.Refund;
import com.disputehub.channel.command.RequestInterception;
import com.disputehub.channel.command.RequestReissue;
import com.disputehub.channel.command.SubmitEvidence;
import com.disputehub.channel.support.BusinessCalendar;
import com.disputehub.channel.support.SupplierClaimTerms;

/**
 * The ready-to-send claim package for a supplier without a claim API: what to ask, in the supplier's language
 * (English, or Chinese with {@code options.claim-language: zh}), the order references, the evidence files,
 * and the seed's deadlines ({@link SupplierClaimTerms}).
 */
final class DsersClaims {

    private DsersClaims() {
    }

    /** The deadlines of a claim made now: when to expect the supplier's answer, and the refund at the latest. */
    record Deadlines(Instant earliest, Instant latest, Instant refundBy) {
    }

    static Deadlines deadlines(DecisionCommand command, Instant now, BusinessCalendar calendar) {
        if (command instanceof AskExpedite) {
            Instant by = calendar.plusBusinessDays(now, SupplierClaimTerms.EXPEDITE_DAYS);
            return new Deadlines(by, by, null);
        }
        Instant latest = calendar.plusBusinessDays(now, SupplierClaimTerms.VERIFY_MAX_DAYS);
        return new Deadlines(calendar.plusBusinessDays(now, SupplierClaimTerms.VERIFY_MIN_DAYS), latest,
                calendar.plusBusinessDays(latest, SupplierClaimTerms.REFUND_AFTER_VERIFY_DAYS));
    }

    static String text(String language, DecisionCommand command, String supplierOrder, String storeOrder, String scope,
                       List<String> evidence, Deadlines deadlines, ZoneId zone) {
        boolean zh = "zh".equalsIgnoreCase(language);
        StringBuilder t = new StringBuilder();
        t.append(zh ? "售后申请 / After-sales request\n" : "After-sales request\n");
        t.append(zh ? "速卖通订单号: " : "AliExpress order: ").append(supplierOrder).append('\n');
        t.append(zh ? "店铺订单号: " : "Store order: ").append(storeOrder).append('\n');
        t.append(zh ? "订单类型: " : "Order scope: ").append(scope).append("\n\n");
        t.append(ask(zh, command)).append('\n');
        String message = message(command);
        if (message != null && !message.isBlank()) {
            t.append('\n').append(message.trim()).append('\n');
        }
        if (!evidence.isEmpty()) {
            t.append('\n').append(zh ? "附件 (买家照片/视频): " : "Attached (buyer's photos/videos): ")
                    .append(String.join(", ", evidence)).append('\n');
        }
        t.append('\n').append(zh ? "预计答复: " : "Expected answer: ").append(day(deadlines.earliest(), zone));
        if (!deadlines.latest().equals(deadlines.earliest())) {
            t.append(" – ").append(day(deadlines.latest(), zone));
        }
        if (deadlines.refundBy() != null) {
            t.append('\n').append(zh ? "最迟退款: " : "Refund at the latest: ").append(day(deadlines.refundBy(), zone));
        }
        return t.append('\n').toString();
    }

    private static String ask(boolean zh, DecisionCommand command) {
        if (command instanceof AskExpedite) {
            return zh ? "订单已超过承诺发货时间，请今天发货。" : "The order is past its promised shipping date: please ship it today.";
        }
        if (command instanceof RequestReissue) {
            return zh ? "买家收到的商品有问题，请重新发货。" : "The buyer received a wrong, missing or damaged item: please reissue it.";
        }
        if (command instanceof SubmitEvidence) {
            return zh ? "请查看买家提供的照片/视频并核实。" : "Please verify the claim with the buyer's photos or video attached.";
        }
        if (command instanceof RequestInterception) {
            return zh ? "买家已取消或地址错误，请拦截包裹并退款。" : "The buyer cancelled or gave a wrong address: please intercept the parcel and refund.";
        }
        return zh ? "请为此订单退款。" : "Please refund this order.";
    }

    private static String message(DecisionCommand command) {
        if (command instanceof AskExpedite c) {
            return c.message();
        }
        if (command instanceof RequestReissue c) {
            return c.message();
        }
        if (command instanceof SubmitEvidence c) {
            return c.message();
        }
        if (command instanceof RequestInterception c) {
            return c.message();
        }
        if (command instanceof Refund c) {
            return c.message();
        }
        return null;
    }

    private static LocalDate day(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }
}
