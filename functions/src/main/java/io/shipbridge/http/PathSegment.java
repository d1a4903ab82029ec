package io.shipbridge.http;

import java.nio.charset.StandardCharsets;

/**
 * One path segment of a URL, encoded as RFC 3986 wants a segment: every byte of the UTF-8 form that is not an
 * unreserved character ({@code A-Z a-z 0-9 - . _ ~}) becomes {@code %XX}. Unlike {@link java.net.URLEncoder} (form
 * encoding, for query strings) a space is {@code %20}, never {@code +}, and {@code /} is {@code %2F}, so an id can
 * never add a segment to the path.
 */
public final class PathSegment {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegment() {
    }

    public static String encode(String segment) {
        StringBuilder out = new StringBuilder(segment.length() + 8);
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
