package com.disputehub.channel.support;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.incident.ReasonCategory;

/**
 * Maps a channel's reason label, in any of the seeds' languages (es, it, nl, pt) or English, to a
 * normalized category. Operators define their own codes, so an account may pin codes with
 * {@code options.reason-map.<code>: <CATEGORY>}; anything unrecognized is OTHER.
 */
public final class ReasonClassifier {

    /**
     * Word beginnings, checked in order: the more specific first ("address" before "wrong item"). Stems cover
     * gender and number ("danad" for dañado, dañada, dañados), and only match at a word start ("errad" is
     * errado, never cerrado).
     */
    private static final Map<ReasonCategory, List<String>> KEYWORDS = new LinkedHashMap<>();

    static {
        KEYWORDS.put(ReasonCategory.OUT_OF_STOCK, List.of("out of stock", "sin stock", "agotad", "rotura de stock",
                "esaurit", "uitverkocht", "niet op voorraad", "sem estoque", "esgotad", "fora de stock"));
        KEYWORDS.put(ReasonCategory.CUSTOMS_HOLD, List.of("customs", "aduana", "dogana", "douane", "alfandega"));
        KEYWORDS.put(ReasonCategory.INVOICE_PROBLEM, List.of("invoice", "factura", "fattura", "factuur", "fatura",
                "nota fiscal"));
        KEYWORDS.put(ReasonCategory.WRONG_ADDRESS, List.of("address", "direccion", "indirizzo", "adres", "endereco"));
        KEYWORDS.put(ReasonCategory.MISSING_ITEMS, List.of("missing", "incomplet", "falta", "mancant", "manca",
                "ontbre", "onvolledig"));
        KEYWORDS.put(ReasonCategory.DAMAGED, List.of("damaged", "broken", "danad", "roto", "rota", "deteriorad",
                "danneggiat", "rott", "beschadigd", "kapot", "danificad", "quebrad", "avariad"));
        KEYWORDS.put(ReasonCategory.DEFECTIVE, List.of("defect", "not working", "does not work", "malfunction",
                "no funciona", "averiad", "difettos", "non funziona", "werkt niet", "defeit", "defecto", "nao funciona"));
        KEYWORDS.put(ReasonCategory.WRONG_ITEM, List.of("wrong item", "wrong product", "wrong goods", "wrongly",
                "not as described", "does not match", "equivocad", "erroneo", "errad", "errat", "no corresponde",
                "distint", "diferente", "sbagliat", "divers", "verkeerd", "different"));
        KEYWORDS.put(ReasonCategory.NOT_DELIVERED, List.of("not received", "not delivered", "never arrived",
                "no recibid", "no ha llegado", "no llego", "no entregad", "non ricevut", "non consegnat",
                "niet ontvangen", "niet geleverd", "nao recebid", "nao entregue", "nao chegou", "lost", "perdid",
                "extraviad", "smarrit", "verloren"));
        KEYWORDS.put(ReasonCategory.RECIPIENT_ABSENT, List.of("absent", "ausente", "not at home", "assente",
                "niet thuis", "afwezig"));
        KEYWORDS.put(ReasonCategory.REFUSED, List.of("refused", "rehusad", "rechazad", "rifiutat", "geweigerd",
                "recusad", "not accepted", "no aceptad"));
        KEYWORDS.put(ReasonCategory.LATE_SHIPMENT, List.of("late", "delay", "retraso", "retrasad", "ritardo",
                "vertraging", "te laat", "atraso", "atrasad"));
        KEYWORDS.put(ReasonCategory.OVERSIZE, List.of("oversize", "overweight", "sobredimension", "exceso de peso",
                "sovradimension", "te groot", "excesso"));
        KEYWORDS.put(ReasonCategory.SUPPLIER_UNRESPONSIVE, List.of("unresponsive", "no response", "no responde",
                "sin respuesta", "non risponde", "reageert niet", "nao responde"));
        KEYWORDS.put(ReasonCategory.BUYER_CANCELLED, List.of("cancel", "anulad", "annullat", "geannuleerd",
                "changed mind", "cambio de opinion", "desistimiento"));
    }

    private ReasonClassifier() {
    }

    public static ReasonCategory classify(ChannelAccount account, String rawCode, String label) {
        if (rawCode != null) {
            String pinned = account.option("reason-map." + rawCode).orElse(null);
            if (pinned != null) {
                try {
                    return ReasonCategory.valueOf(pinned.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("account '" + account.id() + "': options.reason-map." + rawCode
                            + " is '" + pinned + "', not one of " + List.of(ReasonCategory.values()));
                }
            }
        }
        return classify(label);
    }

    public static ReasonCategory classify(String label) {
        if (label == null || label.isBlank()) {
            return ReasonCategory.OTHER;
        }
        String text = " " + fold(label) + " ";
        for (Map.Entry<ReasonCategory, List<String>> e : KEYWORDS.entrySet()) {
            for (String keyword : e.getValue()) {
                if (text.contains(" " + keyword)) {
                    return e.getKey();
                }
            }
        }
        return ReasonCategory.OTHER;
    }

    private static String fold(String s) {
        String noAccents = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return noAccents.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ");
    }
}
