package io.github.humecodes;

/**
 * The standard names WebSocket libraries print after a close code, from their sources: Python {@code websockets}
 * ({@code received 1011 (internal error)}, and {@code unexpected error} in versions 10 and 11), Go's gorilla
 * ({@code websocket: close 1011 (internal server error)}), Jetty 12 ({@code {1011=SERVER_ERROR,reason}}) and
 * Netty's {@code WebSocketCloseStatus} ({@code 1011 Internal server error}). Names are compared ignoring ASCII
 * case, an underscore matching a space.
 */
final class CloseCodeNames {
    /** Names after {@code (} or {@code =}, by code minus 1000. */
    private static final String[][] NAMED = {
        {"ok", "normal", "bye"},
        {"going away", "shutdown", "endpoint unavailable"},
        {"protocol error", "protocol"},
        {"unsupported data", "unsupported type", "bad data", "invalid message type"},
        {},
        {"no status received [internal]", "no status code [internal]", "no status", "no code", "empty"},
        {"abnormal closure [internal]", "connection closed abnormally [internal]", "abnormal closure", "no close"},
        {"invalid frame payload data", "invalid data", "invalid payload data", "bad payload"},
        {"policy violation"},
        {"message too big", "message too large"},
        {"mandatory extension", "extension required", "mandatory extension missing", "extension error"},
        {"internal error", "unexpected error", "internal server error", "server error"},
        {"service restart"},
        {"try again later"},
        {"bad gateway"},
        {
            "tls handshake failure [internal]",
            "tls failure [internal]",
            "tls handshake error",
            "failed tls handshake",
            "tls handshake failed"
        },
    };

    /** Netty's texts, the only names that follow a code after a bare space ({@code 1011 Internal server error}). */
    private static final String[] SPACED = {
        "bye",
        "endpoint unavailable",
        "protocol error",
        "invalid message type",
        null,
        "empty",
        "abnormal closure",
        "invalid payload data",
        "policy violation",
        "message too big",
        "mandatory extension",
        "internal server error",
        "service restart",
        "try again later",
        "bad gateway",
        "tls handshake failed",
    };

    private static final String[] NONE = {};

    private CloseCodeNames() {}

    /** The names of {@code code} written after {@code (} or {@code =}; empty when it has none. */
    static String[] named(int code) {
        return code >= 1000 && code < 1000 + NAMED.length ? NAMED[code - 1000] : NONE;
    }

    /** Netty's text for {@code code}, or null. */
    static String spaced(int code) {
        return code >= 1000 && code < 1000 + SPACED.length ? SPACED[code - 1000] : null;
    }
}
