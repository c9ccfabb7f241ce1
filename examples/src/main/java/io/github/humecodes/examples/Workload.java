package io.github.humecodes.examples;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/**
 * Simulated traffic of a voice agent against Hume: EVI chats, TTS requests and Expression Measurement
 * streams. No call leaves the process; the errors arrive in the shapes Hume's APIs and SDKs really use
 * (WebSocket error JSON, SDK exception messages, close statuses, floods of one code), among ordinary
 * code-free logging, each operation inside a span.
 *
 * <p>One round is a fixed list of {@value #OPERATIONS_PER_ROUND} operations in seeded random order, so the
 * counts of a run are stable. Not thread-safe: one thread drives it.
 */
final class Workload {
    static final int EVI_CHATS = 40;
    static final int TTS_REQUESTS = 30;
    static final int EXPRESSION_STREAMS = 20;
    static final int OPERATIONS_PER_ROUND = EVI_CHATS + TTS_REQUESTS + EXPRESSION_STREAMS;

    private static final Logger APP = LoggerFactory.getLogger("voiceagent.App");
    private static final Logger EVI = LoggerFactory.getLogger("voiceagent.evi.ChatSession");
    private static final Logger TTS = LoggerFactory.getLogger("voiceagent.tts.TtsClient");
    private static final Logger EXPRESSION = LoggerFactory.getLogger("voiceagent.expression.StreamClient");

    private static final AttributeKey<String> CHAT_ID = AttributeKey.stringKey("evi.chat_id");
    private static final AttributeKey<String> CONFIG_ID = AttributeKey.stringKey("evi.config_id");
    private static final AttributeKey<String> VOICE = AttributeKey.stringKey("tts.voice");
    private static final AttributeKey<Long> TEXT_LENGTH = AttributeKey.longKey("tts.text_length");
    private static final AttributeKey<String> MODELS = AttributeKey.stringKey("expression.models");
    private static final AttributeKey<Long> CLOSE_CODE = AttributeKey.longKey("websocket.close_code");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    private static final AttributeKey<String> WARNING_CODE = AttributeKey.stringKey("expression.warning.code");
    private static final String RECEIVED = "received from Hume: ";
    /** Hume closes an EVI socket after ten identical configuration errors. */
    private static final int FLOOD = 10;

    private final Tracer tracer;
    private final Random random;
    private final List<Runnable> round = new ArrayList<>();

    Workload(Tracer tracer, long seed) {
        this.tracer = tracer;
        this.random = new Random(seed);
        addEvi();
        addTts();
        addExpression();
        if (round.size() != OPERATIONS_PER_ROUND) {
            throw new IllegalStateException("round has " + round.size() + " operations");
        }
    }

    /** Logs what an application logs when it starts, near misses included: none of it carries a code. */
    void start() {
        APP.info("voice agent starting: EVI, TTS and Expression Measurement clients for https://api.hume.ai");
        APP.info("warm-up done: processed 1000 audio frames in 12 batches");
        APP.debug("connection pool ready, request_id={}", hex(32));
    }

    /** The operations of one round, in a new seeded order. */
    List<Runnable> nextRound() {
        List<Runnable> ops = new ArrayList<>(round);
        Collections.shuffle(ops, random);
        return ops;
    }

    private void addEvi() {
        times(21, () -> chat(id -> EVI.info("EVI chat {} ended after {} turns", id, 3 + random.nextInt(12))));
        times(
                4,
                () -> chat(id -> eviError(
                        EVI::info,
                        "E0714",
                        "inactivity_timeout",
                        "EVI chat was closed because the user inactivity timeout was reached.")));
        round.add(
                () -> chat(
                        id -> failed(
                                EVI,
                                Level.INFO,
                                "EVI chat ended",
                                new HumeSdkException(
                                        "EVI Error: "
                                                + "Code=E0715, Slug=max_duration_timeout, Message=The maximum duration of the chat was reached."))));
        round.add(() -> chat(id -> {
            for (int i = 0; i < FLOOD; i++) {
                eviError(
                        EVI::warn,
                        "E0703",
                        null,
                        "The EVI configuration is invalid: voice not found for config version 3.");
            }
            closed(EVI::error, 1008, "after repeated configuration errors");
        }));
        round.add(() -> chat(id -> failed(
                EVI,
                Level.ERROR,
                "EVI chat " + id + " failed",
                new HumeSdkException("Error (E0705): Custom language model disconnected."))));
        round.add(() -> chat(id -> failed(
                EVI,
                Level.ERROR,
                "custom language model unavailable",
                new HumeSdkException(
                        "code='E0712' slug='custom_language_model_timed_out' type='error' message='The custom language model "
                                + "timed out during the connection attempt.'"))));
        times(
                2,
                () -> chat(id -> {
                    closed(EVI::warn, 1011, "internal server error; reconnecting");
                    EVI.info("EVI chat {} resumed on a new socket", id);
                }));
        round.add(() -> chat(
                id -> eviError(EVI::warn, "E0718", null, "The supplemental LLM provider has degraded API behavior.")));
        times(
                2,
                () -> chat(id -> eviError(
                        EVI::warn,
                        "E0702",
                        null,
                        "Tool call get_order_status returned an error: upstream order service unavailable.")));
        round.add(() -> chat(
                id -> failed(
                        EVI,
                        Level.WARN,
                        "could not start EVI chat",
                        new HumeSdkException("HumeError: CODE E0700: You have too many active chats (20 of 20).")),
                false));
        round.add(() -> chat(id -> eviError(EVI::error, "E0710", null, "Could not resume previous chat.")));
        round.add(() -> chat(id -> eviError(
                EVI::error, "E0701", null, "The API key provided for the supplemental language model is not valid.")));
        round.add(() -> chat(id -> eviError(
                EVI::error,
                "E0300",
                null,
                "You've run out of credits. Activate billing to continue making API calls.")));
        round.add(() -> chat(id ->
                eviError(EVI::error, "I0116", "transcription_failure", "Speech transcription failed inside Hume.")));
        // A code newer than the catalog: reported in category unknown, with the E family's severity.
        round.add(() -> chat(id -> eviError(EVI::warn, "E0731", null, "An error this catalog does not list yet.")));
    }

    private void addTts() {
        times(
                22,
                () -> tts(() -> TTS.info(
                        "synthesized {} characters in {} ms", 40 + random.nextInt(400), 180 + random.nextInt(600))));
        times(
                2,
                () -> tts(() -> {
                    failed(
                            TTS,
                            Level.WARN,
                            "TTS request rate limited, retrying in 500 ms",
                            new HumeSdkException(
                                    "Status code: 429\nBody: {\"code\":\"E0811\",\"message\":\"The service is currently experiencing high "
                                            + "traffic and your request was rate limited.\"}"));
                    TTS.info("TTS retry succeeded");
                }));
        round.add(() -> tts(() -> failed(
                TTS,
                Level.WARN,
                "TTS request refused",
                new HumeSdkException("hume(E0801): The request may violate our Acceptable Use Policy."))));
        round.add(() -> tts(() -> failed(
                TTS,
                Level.ERROR,
                "voice design failed",
                new HumeSdkException("hume(E0802): Unable to randomize the requested voice parameter."))));
        round.add(() -> tts(() -> failed(
                TTS,
                Level.ERROR,
                "TTS request failed",
                new HumeSdkException(
                        "hume(E0300): You've run out of credits. Activate billing to continue making API calls."))));
        round.add(() -> tts(() -> failed(
                TTS,
                Level.WARN,
                "could not save cloned voice",
                new HumeSdkException("hume(E0812): A voice with the specified name already exists."))));
        round.add(() -> tts(() -> failed(
                TTS,
                Level.WARN,
                "TTS request timed out",
                new HumeSdkException("hume(E0601): The request timed out while waiting for a response."))));
        // Logged at DEBUG below the logger's INFO level: the turbo filter lets critical codes through anyway.
        round.add(() -> tts(() -> received(
                TTS::debug,
                ERROR_TYPE,
                "I0100",
                "TTS response body: {\"code\":\"I0100\",\"message\":\"Internal error.\"}")));
    }

    private void addExpression() {
        times(
                13,
                () -> stream(() -> EXPRESSION.info(
                        "stream predictions: {} faces, {} prosody segments",
                        1 + random.nextInt(3),
                        random.nextInt(9))));
        times(
                2,
                () -> stream(
                        () -> received(
                                EXPRESSION::info,
                                WARNING_CODE,
                                "W0103",
                                RECEIVED
                                        + "{\"face\":{\"warning\":\"No faces could be detected in the media.\",\"code\":\"W0103\"}}")));
        round.add(
                () -> stream(
                        () -> received(
                                EXPRESSION::info,
                                WARNING_CODE,
                                "W0105",
                                RECEIVED
                                        + "{\"prosody\":{\"warning\":\"No speech could be detected in the media.\",\"code\":\"W0105\"}}")));
        times(
                2,
                () -> stream(
                        () -> received(
                                EXPRESSION::warn,
                                ERROR_TYPE,
                                "E0203",
                                RECEIVED
                                        + "{\"error\":\"Your audio file was too long. The limit is 5000 milliseconds.\",\"code\":\"E0203\"}")));
        round.add(() -> stream(() -> closed(EXPRESSION::warn, 1011, "internal server error")));
        round.add(
                () -> stream(
                        () -> received(
                                EXPRESSION::error,
                                ERROR_TYPE,
                                "E0602",
                                RECEIVED
                                        + "{\"error\":\"You do not have permission to access the requested resource.\",\"code\":\"E0602\"}")));
    }

    private void times(int n, Runnable op) {
        for (int i = 0; i < n; i++) {
            round.add(op);
        }
    }

    private void chat(Consumer<String> body) {
        chat(body, true);
    }

    /** One EVI chat: a span, the chat id in the MDC, connect and (optionally) the body's outcome. */
    private void chat(Consumer<String> body, boolean connects) {
        String chatId =
                UUID.nameUUIDFromBytes(hex(16).getBytes(StandardCharsets.UTF_8)).toString();
        Span span = tracer.spanBuilder("evi.chat")
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(CHAT_ID, chatId)
                .setAttribute(CONFIG_ID, "cfg-" + hex(8))
                .startSpan();
        MDC.put("chat_id", chatId);
        try (Scope ignored = span.makeCurrent()) {
            if (connects) {
                EVI.info("EVI chat {} connected to wss://api.hume.ai/v0/evi/chat", chatId);
            }
            body.accept(chatId);
        } finally {
            MDC.remove("chat_id");
            span.end();
        }
    }

    private void tts(Runnable body) {
        Span span = tracer.spanBuilder("tts.synthesize")
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(VOICE, random.nextBoolean() ? "Ava Song" : "Kora")
                .setAttribute(TEXT_LENGTH, 40L + random.nextInt(400))
                .startSpan();
        run(span, body);
    }

    private void stream(Runnable body) {
        Span span = tracer.spanBuilder("expression_measurement.stream")
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(MODELS, "face,prosody")
                .startSpan();
        run(span, body);
    }

    private static void run(Span span, Runnable body) {
        try (Scope ignored = span.makeCurrent()) {
            body.run();
        } finally {
            span.end();
        }
    }

    /** An EVI WebSocket error message as Hume sends it, logged verbatim and added to the span as an event. */
    private void eviError(Consumer<String> log, String code, String slug, String message) {
        String json = "{\"type\":\"error\",\"code\":\"" + code + "\","
                + (slug == null ? "" : "\"slug\":\"" + slug + "\",")
                + "\"message\":\"" + message + "\",\"request_id\":\"" + requestId() + "\"}";
        received(log, ERROR_TYPE, code, RECEIVED + json);
    }

    /**
     * A message from Hume whose code the client has parsed: the code goes on the span as an attribute (the
     * semantic conventions' error.type for errors), the message into the log as received.
     */
    private static void received(Consumer<String> log, AttributeKey<String> key, String code, String text) {
        Span.current().setAttribute(key, code);
        log.accept(text);
    }

    private static void closed(Consumer<String> log, long status, String why) {
        Span.current().setAttribute(CLOSE_CODE, status);
        log.accept("WebSocket closed with status " + status + ": " + why);
    }

    /** A call that threw: the exception goes on the span and into the log, as application code does. */
    private static void failed(Logger log, Level level, String message, RuntimeException e) {
        Span.current().recordException(e);
        log.atLevel(level).setCause(e).log(message);
    }

    private String requestId() {
        // Hume's request ids are hex, sometimes a UUID with digits appended.
        return random.nextBoolean()
                ? hex(32)
                : new UUID(random.nextLong(), random.nextLong()) + "" + random.nextInt(10_000);
    }

    private String hex(int digits) {
        StringBuilder sb = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    /** What a Hume SDK throws: the code sits in the message, in one of the SDKs' shapes. */
    static final class HumeSdkException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HumeSdkException(String message) {
            super(message);
        }
    }
}
