package com.disputehub.document;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelAdapter;
import com.disputehub.channel.ChannelException;
import com.disputehub.channel.ChannelRejectedException;
import com.disputehub.channel.DecisionTarget;
import com.disputehub.channel.MessageAttachments;
import com.disputehub.channel.OrderDocuments;
import com.disputehub.channel.OrderDocuments.DocumentFile;
import com.disputehub.channel.OrderDocuments.DocumentType;
import com.disputehub.channel.OrderDocuments.OrderDocument;
import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.channel.runtime.ChannelAdapters;
import com.disputehub.channel.runtime.ChannelGuards;
import com.disputehub.decision.IncidentNotFoundException;
import com.disputehub.incident.Incident;
import com.disputehub.incident.IncidentMessage;
import com.disputehub.incident.IncidentStore;
import com.disputehub.incident.Timeline;
import com.disputehub.incident.TimelineText;
import com.disputehub.incident.TimelineText.Arg;

/**
 * The documents of an incident's order, read from and written to its channel as they are there: nothing is copied
 * here but the timeline's line for an upload. An upload is checked before any call (a name, a type the channel
 * takes, room on the order) and made once per file name: two clicks, or two people, never attach it twice.
 */
@Service
public class IncidentDocuments {

    /** The longest file name taken. */
    static final int MAX_NAME = 200;

    private final IncidentStore incidents;
    private final ChannelAccounts accounts;
    private final ChannelAdapters adapters;
    private final ChannelGuards guards;
    private final Timeline timeline;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    IncidentDocuments(IncidentStore incidents, ChannelAccounts accounts, ChannelAdapters adapters, ChannelGuards guards,
                      Timeline timeline, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.incidents = incidents;
        this.accounts = accounts;
        this.adapters = adapters;
        this.guards = guards;
        this.timeline = timeline;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Whether the incident's channel keeps documents on its orders. */
    public boolean supported(Incident incident) {
        return adapter(incident) instanceof OrderDocuments && incident.orderId() != null;
    }

    public List<OrderDocument> list(UUID incidentId) {
        return list(find(incidentId));
    }

    public List<DocumentType> types(UUID incidentId) {
        return types(find(incidentId));
    }

    public DocumentFile download(UUID incidentId, String documentId) {
        return call(find(incidentId), (docs, account, target) -> docs.download(account, target, documentId));
    }

    private List<OrderDocument> list(Incident incident) {
        return call(incident, (docs, account, target) -> docs.documents(account, target));
    }

    private List<DocumentType> types(Incident incident) {
        return call(incident, (docs, account, target) -> docs.documentTypes(account));
    }

    /** Attaches the file to the order with its type; the timeline says who did. */
    public void upload(UUID incidentId, String fileName, String typeCode, byte[] bytes, String actor) {
        String name = fileName == null ? "" : fileName.strip().replaceAll("[\\\\/\\p{Cntrl}]", "_");
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new DocumentProblem(400, "a document needs a file name of at most " + MAX_NAME + " characters");
        }
        if (bytes == null || bytes.length == 0) {
            throw new DocumentProblem(400, "'" + name + "' is empty");
        }
        if (typeCode == null || typeCode.isBlank()) {
            throw new DocumentProblem(400, "choose the document's type");
        }
        Incident incident = find(incidentId);
        OrderDocuments docs = documentsOf(incident);
        if (!docs.limits().takes(name)) {
            throw new DocumentProblem(400, "'" + name + "' is not a type " + incident.channelType() + " takes: "
                    + String.join(", ", docs.limits().extensions()));
        }
        List<DocumentType> types = types(incident);
        DocumentType type = types.stream().filter(t -> t.code().equals(typeCode)).findFirst().orElse(null);
        if (!types.isEmpty() && type == null) {
            throw new DocumentProblem(400, "'" + typeCode + "' is not a document type of " + incident.channelType()
                    + "; one of " + String.join(", ", types.stream().map(DocumentType::code).toList()));
        }
        tx.executeWithoutResult(status -> {
            // one upload of an order at a time, whichever instance: the name check below then holds
            jdbc.sql("select count(*) from (select pg_advisory_xact_lock(hashtext(?))) locked")
                    .param("order-documents:" + incident.accountId() + ":" + incident.orderId()).query(Long.class).single();
            List<OrderDocument> present = list(incident);
            if (present.stream().anyMatch(d -> name.equalsIgnoreCase(d.fileName()))) {
                throw new DocumentProblem(409, "order " + incident.orderId() + " already has a document named '" + name + "'");
            }
            if (present.size() >= docs.limits().perOrder()) {
                throw new DocumentProblem(409, "order " + incident.orderId() + " already has " + present.size()
                        + " documents, the most " + incident.channelType() + " takes");
            }
            call(incident, (d, account, target) -> {
                d.upload(account, target, new DocumentFile(name, null, bytes), typeCode);
                return null;
            });
            timeline.append(incidentId, "DOCUMENT_UPLOADED", actor, TimelineText.of("tl.documentUploaded",
                    Arg.value(name), type == null ? Arg.value(typeCode) : Arg.value(type.label())));
        });
    }

    private interface DocumentCall<T> {
        T run(OrderDocuments documents, ChannelAccount account, DecisionTarget target);
    }

    private <T> T call(Incident incident, DocumentCall<T> call) {
        OrderDocuments docs = documentsOf(incident);
        return guarded(incident, account -> call.run(docs, account, DecisionTarget.of(incident)));
    }

    /**
     * A file attached to one of the incident's messages, read from the channel when a person opens it; only an
     * attachment the incident's messages list (never another order's by its id).
     */
    public DocumentFile attachment(UUID incidentId, String attachmentId) {
        Incident incident = find(incidentId);
        IncidentMessage.Attachment listed = incident.messages().stream().flatMap(m -> m.attachments().stream())
                .filter(a -> a.id().equals(attachmentId)).findFirst()
                .orElseThrow(() -> new DocumentProblem(404, "no message of this incident has an attachment " + attachmentId));
        if (!(adapter(incident) instanceof MessageAttachments files)) {
            throw new DocumentProblem(409, incident.channelType() + " gives no access to its messages' files");
        }
        DocumentFile file = guarded(incident, account -> files.attachment(account, DecisionTarget.of(incident), attachmentId));
        return new DocumentFile(listed.name() != null ? listed.name() : file.fileName(), file.contentType(), file.bytes());
    }

    private <T> T guarded(Incident incident, Function<ChannelAccount, T> call) {
        ChannelAccount account = accounts.find(incident.accountId())
                .orElseThrow(() -> new DocumentProblem(409, "account " + incident.accountId() + " is not configured"));
        try {
            return guards.call(account, () -> call.apply(account));
        } catch (ChannelRejectedException e) {
            throw new DocumentProblem(e.httpStatus() == 404 ? 404 : 409, e.getMessage());
        } catch (com.disputehub.channel.ChannelOutcomeUnknownException e) {
            throw new DocumentProblem(503, incident.channelType() + " did not answer in time; the order's list shows whether "
                    + "it arrived, and sending it again cannot attach it twice: " + e.getMessage());
        } catch (ChannelException e) {
            throw new DocumentProblem(503, incident.channelType() + " cannot be reached now: " + e.getMessage());
        } catch (io.github.resilience4j.circuitbreaker.CallNotPermittedException
                 | io.github.resilience4j.ratelimiter.RequestNotPermitted e) {
            throw new DocumentProblem(503, incident.channelType() + " is resting after errors; try again in a minute");
        }
    }

    private OrderDocuments documentsOf(Incident incident) {
        if (!supported(incident)) {
            throw new DocumentProblem(409, incident.channelType().toLowerCase(Locale.ROOT) + " keeps no documents on its orders");
        }
        return (OrderDocuments) adapter(incident);
    }

    /** The incident's adapter; null when this instance has none for its channel. */
    private ChannelAdapter adapter(Incident incident) {
        return adapters.supports(incident.channelType()) ? adapters.get(incident.channelType()) : null;
    }

    private Incident find(UUID incidentId) {
        return incidents.find(incidentId).orElseThrow(() -> new IncidentNotFoundException(incidentId));
    }
}
