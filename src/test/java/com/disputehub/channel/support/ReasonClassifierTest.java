package com.disputehub.channel.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.disputehub.incident.ReasonCategory;

/** Reason labels in the seeds' languages map to the closed set of categories (DOMAIN X2). */
class ReasonClassifierTest {

    @ParameterizedTest(name = "X2: \"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "Artículo no recibido | NOT_DELIVERED",
            "Artículo recibido dañado | DAMAGED",
            "Mercadoria danificada | DAMAGED",
            "Articolo danneggiato | DAMAGED",
            "Beschadigde artikelen | DAMAGED",
            "Defecte artikelen | DEFECTIVE",
            "Producto defectuoso, no funciona | DEFECTIVE",
            "Produto com defeito | DEFECTIVE",
            "Artículo con defecto de fábrica | DEFECTIVE",
            "Ontbrekende artikelen | MISSING_ITEMS",
            "Faltan artículos en el paquete | MISSING_ITEMS",
            "Verkeerde goederen | WRONG_ITEM",
            "Entrega errada | WRONG_ITEM",
            "Retenido en aduana | CUSTOMS_HOLD",
            "Destinatario ausente | RECIPIENT_ABSENT",
            "Mercancía no aceptada, pedido rehusado | REFUSED",
            "Dirección incorrecta | WRONG_ADDRESS",
            "Sin stock | OUT_OF_STOCK",
            "Retraso en la entrega | LATE_SHIPMENT",
            "Sobredimensionado o exceso de peso | OVERSIZE",
            "El proveedor no responde | SUPPLIER_UNRESPONSIVE",
            "Pedido cancelado por el cliente | BUYER_CANCELLED",
            "Verkeerde factuur | INVOICE_PROBLEM",
            "Pedido cerrado por el operador | OTHER",
            "Motivo nuevo del operador | OTHER"})
    void classifies(String label, ReasonCategory expected) {
        assertThat(ReasonClassifier.classify(label)).isEqualTo(expected);
    }
}
