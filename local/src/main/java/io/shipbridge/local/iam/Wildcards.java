package io.shipbridge.local.iam;

/** IAM's wildcards: {@code *} any run of characters, {@code ?} any one character, nothing else special. */
final class Wildcards {
    private Wildcards() {
    }

    static boolean matches(String pattern, String value) {
        return matches(pattern, 0, value, 0);
    }

    static boolean matchesIgnoringCase(String pattern, String value) {
        return matches(pattern.toLowerCase(java.util.Locale.ROOT), value.toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean matches(String pattern, int p, String value, int v) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                for (int from = v; from <= value.length(); from++) {
                    if (matches(pattern, p + 1, value, from)) {
                        return true;
                    }
                }
                return false;
            }
            if (v >= value.length() || (c != '?' && c != value.charAt(v))) {
                return false;
            }
            p++;
            v++;
        }
        return v == value.length();
    }
}
