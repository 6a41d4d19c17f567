package io.clearflow.delivery.audit;

/** Scanner URIs turned into package paths, so that findings meet the files of the code view. */
final class AuditPaths {

    private AuditPaths() {
    }

    /** {@code file:///src/a.c}, {@code ./src/a.c}, {@code /src/a.c} → {@code src/a.c}; percent-escapes decoded. */
    static String fromUri(String uri) {
        if (uri == null || uri.isBlank()) {
            return null;
        }
        String path = uri;
        if (path.startsWith("file:")) {
            path = path.substring(5);
        }
        try {
            path = java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // not percent-encoded after all: keep it as written
        }
        path = path.replace('\\', '/');
        while (path.startsWith("/") || path.startsWith("./")) {
            path = path.startsWith("/") ? path.substring(1) : path.substring(2);
        }
        return path;
    }
}
