package com.disputehub.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.disputehub.access.Actor;
import com.disputehub.channel.OrderDocuments.DocumentType;
import com.disputehub.channel.OrderDocuments.OrderDocument;
import com.disputehub.document.Downloads;
import com.disputehub.document.IncidentDocuments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The documents of an incident's order on its channel (DOMAIN M3: Mirakl's delivery note and invoices), and its messages' files. */
@Tag(name = "Incidents", description = "Normalized incidents, their notes, files and decisions")
@RestController
@RequestMapping("/api/incidents/{id}")
class DocumentController {

    private final IncidentDocuments documents;

    DocumentController(IncidentDocuments documents) {
        this.documents = documents;
    }

    /** The order's documents as the channel lists them, and the types one may upload. */
    record Documents(List<OrderDocument> documents, List<DocumentType> types) {
    }

    @Operation(operationId = "listOrderDocuments", summary = "The documents of the incident's order on its channel, and the types one may upload",
            description = "Read from the channel each time (Mirakl OR72, DO01). 409 when the channel keeps no documents, "
                    + "503 when it cannot be reached.")
    @GetMapping("/documents")
    Documents list(@PathVariable UUID id) {
        return new Documents(documents.list(id), documents.types(id));
    }

    @Operation(operationId = "downloadOrderDocument", summary = "One document of the order, as the channel gives it (Mirakl OR73)")
    @GetMapping("/documents/{documentId}")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable String documentId) {
        return Downloads.of(documents.download(id, documentId));
    }

    @Operation(operationId = "downloadMessageAttachment", summary = "A file attached to one of the incident's messages (Mirakl M13)",
            description = "Only an attachment the incident's messages list (404 otherwise); read from the channel when asked.")
    @GetMapping("/attachments/{attachmentId}")
    ResponseEntity<byte[]> messageAttachment(@PathVariable UUID id, @PathVariable String attachmentId) {
        return Downloads.of(documents.attachment(id, attachmentId));
    }

    @Operation(operationId = "uploadOrderDocument", summary = "Attach a file to the incident's order with its type (Mirakl OR74)",
            description = "Multipart: 'file' and 'type' (a code from the list's types). A file name the order already has is a "
                    + "409, so that sending the same file twice attaches it once; so is an order with its most documents.")
    @PostMapping(path = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Documents> upload(@PathVariable UUID id, @RequestParam("file") MultipartFile file,
                                     @RequestParam("type") String type) {
        documents.upload(id, file.getOriginalFilename(), type, bytes(file), Actor.current());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Documents(documents.list(id), documents.types(id)));
    }

    static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
