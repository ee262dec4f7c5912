package com.disputehub.sandbox.mirakl;

import java.util.List;

/** The Spanish marketplace's fixed texts: operator reasons, products, customers and what they write. */
final class SimCatalog {

    private SimCatalog() {
    }

    static final List<SimModel.Reason> REASONS = List.of(
            new SimModel.Reason("1", "Artículo no recibido", "INCIDENT_OPEN", false),
            new SimModel.Reason("2", "Artículo recibido dañado", "INCIDENT_OPEN", false),
            new SimModel.Reason("3", "Artículo defectuoso, no funciona", "INCIDENT_OPEN", false),
            new SimModel.Reason("4", "Faltan artículos en el paquete", "INCIDENT_OPEN", false),
            new SimModel.Reason("5", "Artículo distinto al pedido", "INCIDENT_OPEN", false),
            new SimModel.Reason("6", "Retraso en la entrega", "INCIDENT_OPEN", false),
            new SimModel.Reason("10", "Artículo de reemplazo recibido", "INCIDENT_CLOSE", true),
            new SimModel.Reason("11", "Reembolso realizado al cliente", "INCIDENT_CLOSE", true),
            new SimModel.Reason("12", "El cliente ha recibido su pedido", "INCIDENT_CLOSE", true),
            new SimModel.Reason("13", "Cierre por decisión del operador", "INCIDENT_CLOSE", false),
            new SimModel.Reason("20", "Reembolso por artículo dañado", "REFUND", true),
            new SimModel.Reason("21", "Reembolso por artículo no recibido", "REFUND", true),
            new SimModel.Reason("22", "Reembolso por artículo defectuoso", "REFUND", true),
            new SimModel.Reason("23", "Gesto comercial", "REFUND", true),
            new SimModel.Reason("30", "Consulta sobre el pedido", "ORDER_MESSAGING", true));

    record Product(String sku, String title, String price, String shipping) {
    }

    static final List<Product> PRODUCTS = List.of(
            new Product("LAMP-LED-01", "Lámpara de mesa LED regulable", "34.90", "4.95"),
            new Product("LAMP-PIE-02", "Lámpara de pie nórdica de madera", "89.00", "9.90"),
            new Product("CAF-ITA-06", "Cafetera italiana de aluminio 6 tazas", "24.50", "3.95"),
            new Product("AUR-BT-20", "Auriculares Bluetooth con cancelación de ruido", "59.99", "0.00"),
            new Product("SAR-28-AN", "Sartén antiadherente 28 cm", "19.95", "3.95"),
            new Product("MOC-ESC-15", "Mochila escolar ergonómica", "29.90", "3.95"),
            new Product("SIL-OFI-ERG", "Silla de oficina ergonómica", "149.00", "14.90"),
            new Product("TOA-BAN-4", "Juego de 4 toallas de baño de algodón", "27.50", "3.95"),
            new Product("ROB-ASP-X3", "Robot aspirador X3", "199.00", "0.00"),
            new Product("TAZ-CER-6", "Set de 6 tazas de cerámica", "22.00", "4.95"),
            new Product("BAT-COC-3", "Batidora de vaso 1,5 L", "45.90", "4.95"),
            new Product("EDR-MAT-90", "Edredón nórdico 90 cm", "39.90", "5.95"));

    static final List<String[]> CUSTOMERS = List.of(
            new String[] {"María", "García López"}, new String[] {"José", "Martínez Ruiz"},
            new String[] {"Lucía", "Fernández Gil"}, new String[] {"Javier", "Sánchez Moreno"},
            new String[] {"Carmen", "Romero Navarro"}, new String[] {"David", "Torres Díaz"},
            new String[] {"Laura", "Vázquez Ramos"}, new String[] {"Pablo", "Jiménez Castro"},
            new String[] {"Ana", "Morales Ortega"}, new String[] {"Sergio", "Delgado Rubio"},
            new String[] {"Elena", "Molina Serrano"}, new String[] {"Alberto", "Herrera Prieto"});

    /** What the customer writes when opening an incident, by INCIDENT_OPEN reason code. */
    static String openingMessage(String reasonCode, String product) {
        return switch (reasonCode) {
            case "1" -> "Hola, han pasado diez días y todavía no he recibido el pedido (" + product
                    + "). El seguimiento no se actualiza desde hace una semana. ¿Podéis revisarlo?";
            case "2" -> "Buenas tardes. El paquete llegó con la caja aplastada y " + product
                    + " está roto. Adjunto fotos. Quiero una solución, por favor.";
            case "3" -> "Hola, " + product + " no funciona desde el primer día. Lo he probado con otro enchufe y nada.";
            case "4" -> "He recibido el paquete pero falta parte del pedido: solo venía una unidad de " + product + ".";
            case "5" -> "Me ha llegado un artículo que no es el que pedí. Yo pedí " + product + " y ha llegado otro modelo.";
            default -> "El pedido lleva mucho retraso y lo necesito para esta semana. ¿Cuándo llegará " + product + "?";
        };
    }

    static final List<String> CUSTOMER_FOLLOW_UPS = List.of(
            "¿Alguna novedad? Sigo esperando respuesta.",
            "Gracias por la respuesta. ¿Me podéis confirmar cuándo se hará el reembolso?",
            "Prefiero que me enviéis uno nuevo en lugar del reembolso.",
            "Ya he enviado las fotos que me pedisteis por la plataforma.",
            "Por favor, dadme una solución cuanto antes, es un regalo.");

    static final List<String> OPERATOR_MESSAGES = List.of(
            "Estimado vendedor: el cliente reclama una solución. Por favor, responded en un plazo de 24 horas laborales.",
            "Recordatorio del operador: esta incidencia sigue abierta sin respuesta del vendedor.");
}
