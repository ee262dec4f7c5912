package com.disputehub.document;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.disputehub.channel.OrderDocuments.DocumentFile;
import com.disputehub.incident.FileNames;

/** How a channel's file leaves, to the API and to the pages alike. */
public final class Downloads {

    private Downloads() {
    }

    /** Always a download, never shown inline: its content is the channel's, not ours. */
    public static ResponseEntity<byte[]> of(DocumentFile file) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, FileNames.disposition(file.fileName(), MediaType.APPLICATION_OCTET_STREAM_VALUE))
                .body(file.bytes());
    }
}
