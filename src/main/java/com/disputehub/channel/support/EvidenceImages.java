package com.disputehub.channel.support;

import java.util.ArrayList;
import java.util.List;

import com.disputehub.channel.command.EvidenceFile;

/** Checks evidence images by their content, not their name: JPEG or PNG, within a size limit. */
public final class EvidenceImages {

    private EvidenceImages() {
    }

    /** "jpg" or "png" for an image of that kind, null otherwise. */
    public static String extension(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return "jpg";
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        if (bytes.length >= png.length) {
            for (int i = 0; i < png.length; i++) {
                if (bytes[i] != png[i]) {
                    return null;
                }
            }
            return "png";
        }
        return null;
    }

    public static String contentType(byte[] bytes) {
        if (isMp4(bytes)) {
            return "video/mp4";
        }
        String extension = extension(bytes);
        return extension == null ? "application/octet-stream" : "jpg".equals(extension) ? "image/jpeg" : "image/png";
    }

    /** An ISO media file (MP4, MOV): the "ftyp" box comes first. Buyers' videos of damaged goods are these. */
    public static boolean isMp4(byte[] bytes) {
        return bytes.length >= 12 && bytes[4] == 'f' && bytes[5] == 't' && bytes[6] == 'y' && bytes[7] == 'p';
    }

    /** Like {@link #problems} for a photo or a video (MP4): what a supplier accepts as the buyer's proof. */
    public static List<String> photoOrVideoProblems(List<EvidenceFile> files, long maxBytes) {
        return check(files, maxBytes, true);
    }

    /** One sentence per file that is not a JPEG or PNG image of at most {@code maxBytes}. */
    public static List<String> problems(List<EvidenceFile> files, long maxBytes) {
        return check(files, maxBytes, false);
    }

    /** Too large is said of a file too large whatever its kind, and before its base64 is decoded. */
    private static List<String> check(List<EvidenceFile> files, long maxBytes, boolean videos) {
        List<String> problems = new ArrayList<>();
        for (EvidenceFile file : files) {
            long encoded = file.contentBase64() == null ? 0 : file.contentBase64().length();
            if (encoded / 4 * 3 > maxBytes + 3) {
                problems.add("evidence '" + file.fileName() + "' is about " + encoded / 4 * 3 + " bytes; at most " + maxBytes);
                continue;
            }
            byte[] bytes;
            try {
                bytes = file.bytes();
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
                continue;
            }
            if (bytes.length == 0) {
                problems.add("evidence '" + file.fileName() + "' is empty");
            } else if (bytes.length > maxBytes) {
                problems.add("evidence '" + file.fileName() + "' is " + bytes.length + " bytes; at most " + maxBytes);
            } else if (extension(bytes) == null && !(videos && isMp4(bytes))) {
                problems.add("evidence '" + file.fileName() + "' is not a " + (videos ? "photo (JPEG, PNG) or a video (MP4)" : "JPEG or PNG image"));
            }
        }
        return problems;
    }
}
