package com.disputehub.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import com.disputehub.channel.Capabilities;
import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.command.DecisionType;
import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.channel.runtime.ChannelAdapters;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns decision forms into the decision JSON the API takes: field {@code f.<name>} becomes property
 * {@code <name>}, rows {@code f.<name>.<n>.<part>} (a tax's code and amount) a list of objects, uploaded files
 * become {@code evidence}, and {@code tr.<lang>.<name>} become per-language fields of a bulk template.
 */
@Component
class DecisionForms {

    static final String EVIDENCE = "evidence";

    private final ChannelAccounts accounts;
    private final ChannelAdapters adapters;
    private final ObjectMapper json;

    DecisionForms(ChannelAccounts accounts, ChannelAdapters adapters, ObjectMapper json) {
        this.accounts = accounts;
        this.adapters = adapters;
        this.json = json;
    }

    /** The fields of a decision type over every configured channel that takes it, each named once. */
    List<Capabilities.FieldSpec> fieldsOf(DecisionType type) {
        Map<String, Capabilities.FieldSpec> fields = new LinkedHashMap<>();
        for (ChannelAccount account : accounts.all()) {
            if (!adapters.supports(account.channelType())) {
                continue;
            }
            adapters.get(account.channelType()).capabilities(account).find(type)
                    .ifPresent(spec -> spec.fields().forEach(f -> fields.putIfAbsent(f.name(), f)));
        }
        return List.copyOf(fields.values());
    }

    /** The decision types some configured channel takes, for the bulk form. */
    List<DecisionType> typesOffered() {
        return java.util.Arrays.stream(DecisionType.values()).filter(type -> accounts.all().stream()
                .filter(a -> adapters.supports(a.channelType()))
                .anyMatch(a -> adapters.get(a.channelType()).capabilities(a).find(type).isPresent())).toList();
    }

    ObjectNode decision(String type, Map<String, String> params, List<MultipartFile> files) {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("choose a decision");
        }
        ObjectNode node = json.createObjectNode();
        node.put("type", type);
        Map<String, Map<Integer, ObjectNode>> rows = new TreeMap<>();
        params.forEach((name, value) -> {
            if (!name.startsWith("f.") || value == null || value.isBlank()) {
                return;
            }
            String[] row = name.substring(2).split("\\.", 3);
            if (row.length == 3 && row[1].matches("\\d{1,2}")) {
                rows.computeIfAbsent(row[0], n -> new TreeMap<>())
                        .computeIfAbsent(Integer.parseInt(row[1]), n -> json.createObjectNode()).put(row[2], value.trim());
            } else {
                node.put(name.substring(2), value.trim());
            }
        });
        rows.forEach((name, filled) -> node.set(name, json.valueToTree(List.copyOf(filled.values()))));
        List<Map<String, String>> evidence = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (!file.isEmpty()) {
                evidence.add(Map.of("fileName", file.getOriginalFilename() == null ? "evidence" : file.getOriginalFilename(),
                        "contentBase64", base64(file)));
            }
        }
        if (!evidence.isEmpty()) {
            node.set(EVIDENCE, json.valueToTree(evidence));
        }
        return node;
    }

    /** {@code tr.<lang>.<field>} parameters as language to fields. */
    static Map<String, Map<String, String>> translations(Map<String, String> params) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            String[] parts = name.split("\\.", 3);
            if (parts.length == 3 && parts[0].equals("tr") && value != null && !value.isBlank()) {
                out.computeIfAbsent(parts[1], l -> new LinkedHashMap<>()).put(parts[2], value.trim());
            }
        });
        return out;
    }

    private static String base64(MultipartFile file) {
        try {
            return Base64.getEncoder().encodeToString(file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
