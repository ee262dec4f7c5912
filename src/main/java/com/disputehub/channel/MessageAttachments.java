package com.disputehub.channel;

/**
 * What an adapter implements when its messages carry files (DOMAIN M5: the buyer's photos on Mirakl): one attachment
 * read when a person opens it. The caller checks that the attachment is one of the incident's messages'.
 */
public interface MessageAttachments {

    OrderDocuments.DocumentFile attachment(ChannelAccount account, DecisionTarget target, String attachmentId);
}
