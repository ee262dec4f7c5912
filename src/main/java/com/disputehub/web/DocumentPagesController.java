package com.disputehub.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.disputehub.access.Actor;
import com.disputehub.channel.OrderDocuments.DocumentType;
import com.disputehub.decision.IncidentNotFoundException;
import com.disputehub.document.Downloads;
import com.disputehub.document.IncidentDocuments;
import com.disputehub.incident.Incident;
import com.disputehub.incident.IncidentStore;

/**
 * The order's documents page (DOMAIN M3), reached from the incident: read from the channel when opened (never on
 * every incident view), each downloadable, and a form to attach an invoice with its type.
 */
@Controller
class DocumentPagesController {

    private final IncidentDocuments documents;
    private final IncidentStore incidents;

    DocumentPagesController(IncidentDocuments documents, IncidentStore incidents) {
        this.documents = documents;
        this.incidents = incidents;
    }

    @GetMapping("/inbox/incidents/{id}/documents")
    String page(@PathVariable UUID id, Model model) {
        Incident incident = incidents.find(id).orElseThrow(() -> new IncidentNotFoundException(id));
        model.addAttribute("incident", incident);
        model.addAttribute("pageTitle", IncidentNames.title(incident));
        model.addAttribute("documents", documents.list(id));
        List<DocumentType> types = documents.types(id);
        model.addAttribute("types", types);
        model.addAttribute("typeLabels", types.stream().collect(Collectors.toMap(DocumentType::code, DocumentType::label, (a, b) -> a)));
        return "documents";
    }

    @GetMapping("/inbox/incidents/{id}/documents/{documentId}")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable String documentId) {
        return Downloads.of(documents.download(id, documentId));
    }

    @GetMapping("/inbox/incidents/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable String attachmentId) {
        return Downloads.of(documents.attachment(id, attachmentId));
    }

    @PostMapping("/inbox/incidents/{id}/documents")
    String upload(@PathVariable UUID id, @RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "") String type,
                  RedirectAttributes flash) {
        try {
            documents.upload(id, file.getOriginalFilename(), type, file.getBytes(), Actor.current());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        flash.addFlashAttribute("notice", new InboxController.Notice("notice.documentUploaded", file.getOriginalFilename(), null));
        return "redirect:/inbox/incidents/" + id + "/documents";
    }
}
