package com.disputehub.channel.command;

import java.util.Base64;

import com.disputehub.incident.FileNames;

/**
 * A photo or document a seller attaches to a decision, its bytes in base64 as the API receives them; the name is
 * kept safe ({@link FileNames#safe}) from the moment it enters.
 */
public record EvidenceFile(String fileName, String contentBase64) {

    public EvidenceFile {
        fileName = FileNames.safe(fileName);
    }

    /** The bytes; a clear error when the base64 is broken. */
    public byte[] bytes() {
        try {
            return Base64.getDecoder().decode(contentBase64 == null ? "" : contentBase64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("evidence '" + fileName + "' is not valid base64");
        }
    }
}
