package com.disputehub.channel;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.disputehub.channel.command.DecisionType;
import com.disputehub.incident.IncidentStatus;

/** The decisions a channel accepts, each with the statuses it is allowed in and the fields it needs. */
public record Capabilities(List<DecisionSpec> decisions, List<Elsewhere> elsewhere) {

    public Capabilities {
        decisions = List.copyOf(decisions);
        elsewhere = elsewhere == null ? List.of() : List.copyOf(elsewhere);
    }

    public Capabilities(List<DecisionSpec> decisions) {
        this(decisions, List.of());
    }

    /** Where a decision this channel does not take belongs instead, in a sentence for the user; empty if unsaid. */
    public Optional<String> whereElse(DecisionType type) {
        return elsewhere.stream().filter(e -> e.types().contains(type)).map(Elsewhere::explanation).findFirst();
    }

    /** Decisions that belong to another channel, and which (a carrier refunds nothing: the supplier does). */
    public record Elsewhere(Set<DecisionType> types, String explanation) {

        public Elsewhere {
            types = Set.copyOf(types);
        }
    }

    public Optional<DecisionSpec> find(DecisionType type) {
        return decisions.stream().filter(d -> d.type() == type).findFirst();
    }

    /** The decisions allowed in the given status, for forms and for the API. */
    public List<DecisionSpec> allowedIn(IncidentStatus status) {
        return decisions.stream().filter(d -> d.allowedIn().contains(status)).toList();
    }

    /** One kind of decision: where it is allowed and what it needs. */
    public record DecisionSpec(DecisionType type, String description, Set<IncidentStatus> allowedIn,
                               List<FieldSpec> fields) {

        public DecisionSpec {
            allowedIn = Set.copyOf(allowedIn);
            fields = List.copyOf(fields);
        }
    }

    /** A field of a decision; {@code options} lists the allowed values when the channel defines them. */
    public record FieldSpec(String name, boolean required, String description, List<Option> options) {

        public FieldSpec {
            options = options == null ? List.of() : List.copyOf(options);
        }

        public static FieldSpec required(String name, String description) {
            return new FieldSpec(name, true, description, List.of());
        }

        public static FieldSpec optional(String name, String description) {
            return new FieldSpec(name, false, description, List.of());
        }
    }

    /** An allowed value and its label in the channel's language. */
    public record Option(String value, String label) {
    }
}
