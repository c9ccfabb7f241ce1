package io.github.humecodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Close codes and look-alikes as real libraries and tools print them, each taken from the library's own source
 * (its {@code toString()}, error text or log line), with the negatives that sit next to them.
 */
class PrintedFormsTest {
    private final Detector detector = Detector.create();

    private List<String> codes(String text) {
        Detection d = detector.scan(text);
        return d == null ? List.of() : d.codes().stream().map(HumeCode::code).collect(Collectors.toList());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // Spring's CloseStatus.toString() and its session log line
                "CloseStatus[code=1011, reason=null]|1011",
                "StandardWebSocketSession[id=3f2a, uri=ws://localhost:8080/ws] closed with CloseStatus[code=1008, reason=]|1008",
                "SessionDisconnectEvent[sessionId=abc, CloseStatus[code=1000, reason=null]]|1000",
                // Jakarta WebSocket CloseReason (Tomcat, Tyrus, Undertow) and Tomcat's trace line
                "CloseReason[1011,Internal error]|1011",
                "CloseReason[1000]|1000",
                "Close message with reason [CloseReason[1008,Policy violation]] received for session [0] in state [OPEN]|1008",
                // Jetty 12 CloseStatus and its log lines; Jetty 9 CloseInfo
                "{1011=SERVER_ERROR,Internal error}|1011",
                "onClosed {1000=NORMAL,null}|1000",
                "ConnectionState: sending close response {1008=POLICY_VIOLATION,x}|1008",
                "CloseInfo[code=1011,reason=null]|1011",
                // Netty's WebSocketCloseStatus.toString(), as reactor-netty's receiveCloseStatus() emits it
                "close status: 1011 Internal server error|1011",
                "received 1000 Bye|1000",
                "1008 Policy violation|1008",
                // Java-WebSocket's example client line
                "Connection closed by remote peer Code: 1011 Reason: Internal server error|1011",
                // OkHttp and JDK listener callbacks as applications log them
                "onClosing: code=1011 reason=Internal error|1011",
                "WebSocket closed: 1011 Internal error|1011",
                "onClose(1000, \"\")|1000",
                // JavaScript close events printed as objects
                "{ code: 1011, reason: 'Internal server error', wasClean: true }|1011",
                "{\"type\":\"close\",\"wasClean\":true,\"code\":1011,\"reason\":\"Internal server error\"}|1011",
                "onclose CloseEvent {isTrusted: true, wasClean: false, code: 1008, reason: '', type: 'close', …}|1008",
                "Socket closed: { code: 1000 , reason: '' }|1000",
                // Python websockets (12 and later, 10 and 11, 9 and earlier, its debug log)
                "received 1011 (internal error) keepalive ping timeout; then sent 1011 (internal error) keepalive ping timeout|1011",
                "websockets.exceptions.ConnectionClosedError: sent 1011 (internal error) keepalive ping timeout; no close frame received|1011",
                "received 1008 (policy violation) Policy violation; then sent 1008 (policy violation) Policy violation|1008",
                "received 1000 (OK); then sent 1000 (OK)|1000",
                "received 1011 (unexpected error) Internal server error; then sent 1011 (unexpected error) Internal server error|1011",
                "code = 1011 (unexpected error), reason = Internal server error|1011",
                "DEBUG:websockets.client:< CLOSE 1011 (internal error) Internal server error [23 bytes]|1011",
                // Python websocket-client
                "close status: 1008|1008",
                // Go: gorilla/websocket
                "websocket: close 1011 (internal server error): keepalive ping timeout|1011",
                "websocket: close 1000 (normal)|1000",
                // Hume's example apps and a sentence with the code in parentheses
                "Closing websocket with code 1011: internal error|1011",
                "The EVI socket was closed unexpectedly (1011).|1011",
                "socket closed 1011|1011"
            })
    void closeCodesAsLibrariesPrintThem(String text, String code) {
        assertThat(codes(text)).as(text).containsExactly(code);
    }

    @Test
    void closeEventsPrintedOverSeveralLines() {
        // Node's util.inspect of Hume's TypeScript SDK CloseEvent, and of the ws package's CloseEvent.
        String hume = "CloseEvent {\n  target: undefined,\n  type: 'close',\n  wasClean: true,\n  code: 1011,\n"
                + "  reason: 'Internal server error'\n}";
        assertThat(codes(hume)).containsExactly("1011");
        String ws = "  },\n  [Symbol(kType)]: 'close',\n  [Symbol(kCode)]: 1011,\n"
                + "  [Symbol(kReason)]: 'Internal server error',\n  [Symbol(kWasClean)]: true\n}";
        assertThat(codes(ws)).containsExactly("1011");
        assertThat(codes("    _closeCode: 1011,\n    _closeFrameReceived: true,"))
                .containsExactly("1011");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // counts, times, ports and ranges
                "processed 1000 records",
                "timeout=1000ms",
                "setTimeout(fn, 1000)",
                "ts / 1000.0",
                "port 1011",
                "pool closed 1000 connections",
                "closed 1000 idle sockets",
                "Content-Length: 1011",
                "Code must be in range [1000,5000): 999",
                "valid codes 1000-1014",
                // MySQL errors with the same numbers
                "ERROR 1008 (HY000): Can't drop database 'x'; database doesn't exist",
                "{\"code\":1011,\"message\":\"Error on delete of 'x' (errno: 2)\"}",
                // HTTP statuses in handshake failures, and forms that print no code at all
                "Expected HTTP 101 response but was '401 Unauthorized'",
                "Unexpected server response: 401",
                "CloseEvent { type: 'close', defaultPrevented: false, cancelable: false, timeStamp: 194.39 }",
                "RWS> close event",
                "[1011 bytes]",
                "received 1011 records (internal)",
                "1000 normal requests",
                "code: 1011, message: 'x'",
                "{ code: 1011 }"
            })
    void lookAlikesNextToThemAreNot(String text) {
        assertThat(codes(text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // rustc's JSON diagnostics (one line each), cargo's wrapper, and the human form
                "{\"$message_type\":\"diagnostic\",\"message\":\"no method named `view` found\",\"code\":{\"code\":\"E0599\","
                        + "\"explanation\":\"This error occurs when a method is used on a type which doesn't implement it:"
                        + "\\n\\nErroneous code example:\\n\\n```compile_fail,E0599\\nstruct Mouth;\\n```\"},\"level\":\"error\","
                        + "\"spans\":[],\"children\":[],\"rendered\":\"error[E0599]: no method named `view` found\\n\"}",
                "{\"$message_type\":\"diagnostic\",\"message\":\"For more information about this error, try `rustc --explain E0599`.\","
                        + "\"code\":null,\"level\":\"failure-note\"}",
                "{\"reason\":\"compiler-message\",\"message\":{\"code\":{\"code\":\"E0277\",\"explanation\":null}}}",
                // editors' tool(CODE) renderings
                "rustc(E0599)",
                "rust-analyzer(E0599)",
                "Pylint(W0611:unused-import)",
                "pylint(W0611)",
                "no method named `foo` found for struct `Bar` in the current scope rustc(E0599) [Ln 4, Col 7]",
                "cannot find type `Rc` in this scope(E0412)",
                // pylint's report formats, hyphenless symbols included
                "foo.py:1:0: W0611: Unused import os (unused-import)",
                "foo.py:7:1: W0511: TODO: fix this (fixme)",
                "foo.py:3:0: W0404: Reimport 'os' (imported line 1) (reimported)",
                "src/app/foo.py:12:4: W0101: Unreachable code (unreachable)",
                "foo.py:1: [W0611(unused-import), ] Unused import os",
                "foo.py(7): [W0511(fixme)] TODO: fix this",
                "\"message-id\": \"W0611\"",
                "{\"messageId\":\"W0511\",\"symbol\":\"fixme\"}",
                "# pylint: disable=W0612",
                "# pylint: disable-next=W0511",
                // Delphi's codes lie outside Hume's numbering
                "[dcc32 Error] Unit1.pas(28): E2003 Undeclared identifier: 'x'",
                "[dcc32 Warning] Unit1.pas(11): W1000 Symbol 'Foo' is deprecated",
                // other numberings: medical and vendor codes
                "diagnosis E1165 recorded",
                "I2510 admitted",
                "PLW0603 Using the global statement"
            })
    void otherToolsDiagnosticsAreNotHumes(String text) {
        assertThat(codes(text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "hume(E0203): Your audio file was too long|E0203",
                "HumeError: CODE W0103: No faces were detected|W0103",
                "Error (E0705): Custom language model disconnected.|E0705",
                "EVI Error: Code=E0715, Slug=max_duration_timeout, Message=Max duration reached|E0715",
                "HumeClientError(E0300)|E0300",
                "12:00:03: E0300: out of credits|E0300",
                "[E0300] out of credits|E0300",
                "code='E0705' slug='custom_language_model_disconnected' type='error'|E0705",
                "{\"error\":\"Audio exceeds the limit\",\"code\":\"E0203\"}|E0203",
                "failed (E0300): out of credits|E0300"
            })
    void humesOwnShapesNextToThemAreHumes(String text, String code) {
        assertThat(codes(text)).as(text).containsExactly(code);
    }
}
