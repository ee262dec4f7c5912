package com.disputehub.channel;

import java.time.Instant;
import java.util.List;

/**
 * What an adapter implements when its channel keeps documents on the order (DOMAIN M3: the delivery note the
 * platform generates, the invoices the seller uploads): listed, downloaded and uploaded from the incident page.
 * Calls are made through the account's guards by the caller; an adapter only speaks its protocol.
 */
public interface OrderDocuments {

    /** The types a seller may upload, in the channel's words. */
    List<DocumentType> documentTypes(ChannelAccount account);

    List<OrderDocument> documents(ChannelAccount account, DecisionTarget target);

    /** One document's bytes; a {@link ChannelRejectedException} when the order has no such document. */
    DocumentFile download(ChannelAccount account, DecisionTarget target, String documentId);

    /**
     * Attaches a file to the order; the channel's refusal (a type it does not take, too many documents) is a
     * {@link ChannelRejectedException} in its words. Callers check that no document of the order has the name.
     */
    void upload(ChannelAccount account, DecisionTarget target, DocumentFile file, String typeCode);

    /** The most documents one order takes, and the file types it takes (lower-case extensions). */
    DocumentLimits limits();

    record DocumentType(String code, String label) {
    }

    record OrderDocument(String id, String fileName, String typeCode, Instant uploadedAt, Long size) {
    }

    record DocumentFile(String fileName, String contentType, byte[] bytes) {
    }

    record DocumentLimits(int perOrder, List<String> extensions) {

        public boolean takes(String fileName) {
            int dot = fileName.lastIndexOf('.');
            return dot > 0 && extensions.contains(fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
        }
    }
}
