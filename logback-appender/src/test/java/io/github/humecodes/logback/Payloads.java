package io.github.humecodes.logback;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Message payloads for the many-thread tests, with the code each carries (read from the design, not the code). */
final class Payloads {
    /** Payloads that carry a code, and that code (the primary one when there are several). */
    static final Map<String, String> CODED = Map.of(
            "HumeError: CODE E0300: out of credits", "E0300",
            "EVI Error: Code=E0715, Slug=max_duration_timeout, Message=max duration reached", "E0715",
            "{\"type\":\"error\",\"code\":\"E0714\",\"slug\":\"inactivity_timeout\",\"request_id\":\"5f1e0c2a\"}",
                    "E0714",
            "websocket closed with status 1011", "1011",
            "hume(E0203): Your audio file was too long", "E0203",
            "{\"face\":{\"warning\":\"No faces found\",\"code\":\"W0103\"}}", "W0103",
            "upstream said I0116 transcription_failure", "I0116",
            "Error (E0705): Custom language model disconnected, then E0300", "E0300");

    /** Payloads without a code: look-alikes the design says never match. */
    static final List<String> FREE = List.of(
            "processed 1000 records",
            "request id e0300abc E0300-01 0xE0300",
            "error[E0599]: no method named `foo` found",
            "W0612: Unused variable 'x' (unused-variable)",
            "listening on port 1008",
            "connected");

    static final List<String> CODED_LIST = List.copyOf(CODED.keySet());

    private Payloads() {}

    /** Every payload to its code, "" for those without one. */
    static Map<String, String> expectations() {
        Map<String, String> all = new HashMap<>(CODED);
        FREE.forEach(p -> all.put(p, ""));
        return all;
    }

    /** Call {@code i}'s payload: one call in four carries a code. */
    static String payload(int i) {
        return i % 4 == 0 ? CODED_LIST.get((i / 4) % CODED_LIST.size()) : FREE.get(i % FREE.size());
    }
}
