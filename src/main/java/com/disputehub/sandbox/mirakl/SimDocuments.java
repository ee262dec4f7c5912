package com.disputehub.sandbox.mirakl;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The simulated orders' documents (OR72, OR73, OR74, DO01): each order has the delivery bill the platform makes, and
 * takes the shop's invoices. Mirakl's rules hold: at most 50 documents an order, file names distinct, the types of
 * DO01, and the platform's own types not uploadable by a shop. Kept in memory, like the rest of the world.
 */
final class SimDocuments {

    static final int MAX_PER_ORDER = 50;
    static final String DELIVERY_BILL = "SYSTEM_DELIVERY_BILL";
    /** DO01's order document types: the platform's delivery bill, and what a shop uploads. */
    static final List<Map<String, String>> TYPES = List.of(
            Map.of("code", DELIVERY_BILL, "label", "Albarán de entrega", "entity", "ORDER",
                    "description", "Generado por la plataforma"),
            Map.of("code", "CUSTOMER_INVOICE", "label", "Factura al cliente", "entity", "ORDER",
                    "description", "La factura que la tienda emite al cliente"),
            Map.of("code", "CUSTOMER_CREDIT_NOTE", "label", "Factura rectificativa", "entity", "ORDER",
                    "description", "El abono tras un reembolso"));
    /** A buyer's photo: a 1×1 PNG, enough for a viewer to open. */
    static final byte[] PHOTO = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
    private static final Set<String> EXTENSIONS = Set.of("csv", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "pdf", "odt",
            "ods", "odp", "txt", "rtf", "png", "jpg", "jpeg", "gif", "zpl", "mov", "mp4");

    /** One stored document, in OR72's words, and its bytes. */
    record Document(long id, String orderId, String fileName, String type, String dateUploaded, byte[] bytes) {

        Map<String, Object> listed() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", id);
            d.put("order_id", orderId);
            d.put("file_name", fileName);
            d.put("file_size", bytes.length);
            d.put("type", type);
            d.put("date_uploaded", dateUploaded);
            return d;
        }
    }

    private final SimWorld world;
    private final Clock clock;
    private final Map<String, List<Document>> byOrder = new LinkedHashMap<>();
    private long nextId = 1;

    SimDocuments(SimWorld world, Clock clock) {
        this.world = world;
        this.clock = clock;
    }

    synchronized List<Document> of(String orderId) {
        known(orderId);
        return byOrder.computeIfAbsent(orderId, o -> {
            List<Document> documents = new ArrayList<>();
            documents.add(new Document(nextId++, o, "albaran-" + o + ".pdf", DELIVERY_BILL, clock.instant().toString(),
                    pdf("Albarán de entrega " + o)));
            return documents;
        });
    }

    synchronized Document find(long id) {
        return byOrder.values().stream().flatMap(List::stream).filter(d -> d.id() == id).findFirst()
                .orElseThrow(() -> new SimError(404, "Document " + id + " not found"));
    }

    /** OR74's answer: each refused file with its message; those accepted are stored. */
    synchronized Map<String, Object> upload(String orderId, Map<String, String> typeByName, Map<String, byte[]> files) {
        List<Document> documents = new ArrayList<>(of(orderId));
        List<Map<String, Object>> errors = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String name = file.getKey();
            String type = typeByName.get(name);
            String problem = type == null ? "no type_code given for this file in order_documents"
                    : TYPES.stream().noneMatch(t -> t.get("code").equals(type)) ? "unknown document type " + type
                    : DELIVERY_BILL.equals(type) ? "document type " + type + " is reserved to the operator"
                    : !EXTENSIONS.contains(extension(name)) ? "file type not allowed: " + name
                    : documents.stream().anyMatch(d -> d.fileName().equals(name)) ? "a document named " + name + " already exists"
                    : documents.size() >= MAX_PER_ORDER ? "the order already has " + MAX_PER_ORDER + " documents" : null;
            if (problem != null) {
                errors.add(Map.of("file_name", name, "message", problem));
            } else {
                documents.add(new Document(nextId++, orderId, name, type, clock.instant().toString(), file.getValue()));
            }
        }
        byOrder.put(orderId, documents);
        return Map.of("errors_count", errors.size(), "order_documents", errors);
    }

    private void known(String orderId) {
        if (world.orders().stream().noneMatch(o -> o.orderId.equals(orderId))) {
            throw new SimError(404, "Order " + orderId + " not found");
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** A one-page PDF saying {@code text}: enough for a reader to open. */
    static byte[] pdf(String text) {
        String content = "BT /F1 18 Tf 72 720 Td (" + text.replaceAll("[()\\\\]", "") + ") Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.length; i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(o -> pdf.append(String.format("%010d 00000 n \n", o)));
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
