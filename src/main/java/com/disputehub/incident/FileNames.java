package com.disputehub.incident;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** File names people upload, made safe to keep and to show, and to send back in a Content-Disposition header. */
public final class FileNames {

    public static final int MAX = 200;

    private FileNames() {
    }

    /**
     * The name without folders, control or bidirectional-format characters (which can make {@code gpj.exe} read as
     * {@code exe.jpg}), leading dots or surrounding spaces; at most {@link #MAX} characters; "file" when nothing is left.
     */
    public static String safe(String name) {
        if (name == null) {
            return "file";
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder();
        base.codePoints().filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
                .forEach(kept::appendCodePoint);
        String clean = kept.toString().strip().replaceFirst("^\\.+", "").strip();
        if (clean.codePointCount(0, clean.length()) > MAX) {
            clean = clean.substring(0, clean.offsetByCodePoints(0, MAX));
        }
        return clean.isEmpty() ? "file" : clean;
    }

    /**
     * {@code inline} for an image, {@code attachment} for anything else (a browser never renders it), with an ASCII
     * fallback name and the exact one as RFC 6266 / RFC 8187 {@code filename*}.
     */
    public static String disposition(String name, String contentType) {
        String kind = contentType != null && contentType.startsWith("image/") ? "inline" : "attachment";
        String ascii = name.replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "_").replace("\\", "_");
        String exact = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return kind + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + exact;
    }
}
