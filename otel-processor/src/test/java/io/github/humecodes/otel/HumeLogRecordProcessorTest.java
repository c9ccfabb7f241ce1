package io.github.humecodes.otel;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HumeLogRecordProcessorTest {
    private final InMemoryLogRecordExporter exporter = InMemoryLogRecordExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private final SdkMeterProvider meterProvider =
            SdkMeterProvider.builder().registerMetricReader(metrics).build();
    private SdkLoggerProvider loggerProvider;

    @AfterEach
    void shutDown() {
        if (loggerProvider != null) {
            loggerProvider.shutdown();
        }
        meterProvider.shutdown();
    }

    private Logger logger(LogRecordProcessor processor) {
        loggerProvider = SdkLoggerProvider.builder()
                .addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter))
                .addLogRecordProcessorFirst(processor)
                .build();
        return loggerProvider.get("test");
    }

    private LogRecordData emit(Logger logger, Consumer<LogRecordBuilder> record) {
        LogRecordBuilder builder = logger.logRecordBuilder();
        record.accept(builder);
        builder.emit();
        List<LogRecordData> records = exporter.getFinishedLogRecordItems();
        return records.get(records.size() - 1);
    }

    private LogRecordData emit(Consumer<LogRecordBuilder> record) {
        return emit(
                logger(HumeLogRecordProcessor.builder()
                        .setMeterProvider(meterProvider)
                        .build()),
                record);
    }

    @Test
    void aCodeInTheBodyGivesEveryAttribute() {
        LogRecordData record = emit(r -> r.setBody("hume(E0203): Your audio file was too long"));
        assertThat(record)
                .hasAttributesSatisfyingExactly(
                        equalTo(HumeAttributes.CODE, "E0203"),
                        equalTo(HumeAttributes.CATEGORY, "media"),
                        equalTo(HumeAttributes.SEVERITY, "error"),
                        equalTo(
                                HumeAttributes.DESCRIPTION,
                                "The audio is too long for the streaming endpoint: the limit is 5000 ms; use the REST batch"
                                        + " API for longer files."),
                        equalTo(HumeAttributes.RETRYABLE, false));
        assertThat(record.getBodyValue().asString()).isEqualTo("hume(E0203): Your audio file was too long");
    }

    @Test
    void exceptionAttributesAreReadAsText() {
        LogRecordData message = emit(r -> r.setBody("chat failed")
                .setAttribute(stringKey("exception.message"), "EVI Error: Code=E0715, Slug=max_duration_timeout"));
        assertThat(message.getAttributes().get(HumeAttributes.CODE)).isEqualTo("E0715");
        LogRecordData stack = emit(r -> r.setBody("chat failed")
                .setAttribute(
                        stringKey("exception.stacktrace"),
                        "java.lang.RuntimeException: chat failed\n\tat Chat.run(Chat.java:10)\n"
                                + "Caused by: java.io.IOException: {\"type\":\"error\",\"code\":\"E0714\"}\n"));
        assertThat(stack.getAttributes().get(HumeAttributes.CODE)).isEqualTo("E0714");
        LogRecordData type = emit(r -> r.setAttribute(stringKey("exception.type"), "com.example.E0706"));
        assertThat(type.getAttributes().get(HumeAttributes.CODE)).isEqualTo("E0706");
    }

    @Test
    void otherAttributesAreReadLikeText() {
        LogRecordData exact = emit(r -> r.setBody("request failed").setAttribute(stringKey("hume_error"), "W0105"));
        assertThat(exact.getAttributes().get(HumeAttributes.CODE)).isEqualTo("W0105");
        // What OpenTelemetry's Logback appender makes of addKeyValue("error", "Hume returned E0300"): counted, as the
        // enriching appender counts the key-value pair itself.
        LogRecordData text =
                emit(r -> r.setBody("request failed").setAttribute(stringKey("error"), "Hume returned E0300"));
        assertThat(text.getAttributes().get(HumeAttributes.CODE)).isEqualTo("E0300");
        LogRecordData lookAlike =
                emit(r -> r.setBody("request failed").setAttribute(stringKey("response"), "{\"code\":\"E03001\"}"));
        assertThat(lookAlike.getAttributes().asMap()).containsOnlyKeys(stringKey("response"));
        LogRecordData close = emit(r -> r.setBody("socket closed")
                .setAttribute(longKey("websocket.close.code"), 1011L)
                .setAttribute(longKey("server.port"), 1008L));
        assertThat(close.getAttributes().get(HumeAttributes.CODE)).isEqualTo("1011");
        assertThat(close.getAttributes().get(HumeAttributes.RETRYABLE)).isTrue();
    }

    @Test
    void severalCodesAreListed() {
        LogRecordData record = emit(r -> r.setBody("W0105 then I0100").setAttribute(stringKey("code"), "E0601"));
        assertThat(record.getAttributes().get(HumeAttributes.CODE)).isEqualTo("I0100");
        assertThat(record.getAttributes().get(HumeAttributes.CATEGORY)).isEqualTo("service");
        assertThat(record.getAttributes().get(HumeAttributes.CODES)).containsExactly("W0105", "I0100", "E0601");
    }

    @Test
    void codesOfSeveralAttributesAreListedInTheOrderOfTheirKeysWhateverOrderTheyWereSetIn() {
        // The order getAttributes() and every SDK's exported record give, whichever way the record is read.
        LogRecordData record = emit(r -> r.setBody("request failed")
                .setAttribute(stringKey("z.code"), "E0601")
                .setAttribute(stringKey("a.code"), "E0203"));
        assertThat(record.getAttributes().get(HumeAttributes.CODES)).containsExactly("E0203", "E0601");
        assertThat(record.getAttributes().get(HumeAttributes.CODE)).isEqualTo("E0203");
    }

    @Test
    void recordsWithoutCodesAndNonStringBodiesAreUntouched() {
        LogRecordData plain = emit(
                r -> r.setBody("processed 1000 records for chat e0300f00").setAttribute(stringKey("user"), "E0300x"));
        assertThat(plain.getAttributes().asMap()).containsOnlyKeys(stringKey("user"));
        LogRecordData number = emit(r -> r.setBody(Value.of(1011L)));
        assertThat(number.getAttributes().isEmpty()).isTrue();
        assertThat(metrics.collectAllMetrics()).isEmpty();
    }

    @Test
    void structuredBodiesAndValueAttributesCountLikeAttributes() {
        // Expression Measurement's stream warning, nested under its model key, as a map body.
        LogRecordData nested = emit(r -> r.setBody(Value.of(KeyValue.of(
                "face",
                Value.of(
                        KeyValue.of("warning", Value.of("No faces could be detected in the media.")),
                        KeyValue.of("code", Value.of("W0103")))))));
        assertThat(nested.getAttributes().get(HumeAttributes.CODE)).isEqualTo("W0103");
        assertThat(nested.getAttributes().get(HumeAttributes.CATEGORY)).isEqualTo("no_result");

        // A list under a close-code key keeps the key; a number elsewhere is not a close code.
        LogRecordData close = emit(r -> r.setBody(Value.of(
                KeyValue.of("ws.close_codes", Value.of(Value.of(1011L))), KeyValue.of("records", Value.of(1000L)))));
        assertThat(close.getAttributes().get(HumeAttributes.CODE)).isEqualTo("1011");
        assertThat(close.getAttributes().get(HumeAttributes.CODES)).isNull();

        // A value attribute holding a map: its strings are read like text, as every other string is.
        LogRecordData attribute = emit(r -> r.setBody("chat failed")
                .setAttribute(
                        AttributeKey.valueKey("hume.response"),
                        Value.of(
                                KeyValue.of("message", Value.of("hume(E0300) in free text")),
                                KeyValue.of("code", Value.of("E0705")))));
        assertThat(attribute.getAttributes().get(HumeAttributes.CODE)).isEqualTo("E0300");
        assertThat(attribute.getAttributes().get(HumeAttributes.CODES)).containsExactly("E0300", "E0705");
    }

    @Test
    void structuredBodiesAreReadToABoundedDepthAndSize() {
        // MAX_DEPTH nested maps are read, one more is not.
        Value<?> deep = Value.of("E0300");
        for (int i = 0; i <= AttributeScan.MAX_DEPTH; i++) {
            deep = Value.of(KeyValue.of("level" + i, deep));
        }
        Value<?> deepest = deep;
        assertThat(emit(r -> r.setBody(deepest)).getAttributes().isEmpty()).isTrue();
        Value<?> reachable = Value.of(KeyValue.of("code", Value.of("E0300")));
        for (int i = 1; i < AttributeScan.MAX_DEPTH; i++) {
            reachable = Value.of(KeyValue.of("level" + i, reachable));
        }
        Value<?> justInside = reachable;
        assertThat(emit(r -> r.setBody(justInside)).getAttributes().get(HumeAttributes.CODE))
                .isEqualTo("E0300");

        List<Value<?>> many = new ArrayList<>();
        for (int i = 0; i < AttributeScan.MAX_VALUES + 10; i++) {
            many.add(Value.of(i == AttributeScan.MAX_VALUES + 5 ? "E0300" : "x"));
        }
        assertThat(emit(r -> r.setBody(Value.of(many.toArray(new Value<?>[0]))))
                        .getAttributes()
                        .isEmpty())
                .isTrue();
    }

    @Test
    void attributesAlreadyOnTheRecordAreKept() {
        LogRecordData record = emit(r -> r.setBody("E0300").setAttribute(stringKey("hume.description"), "ours"));
        assertThat(record.getAttributes().get(HumeAttributes.DESCRIPTION)).isEqualTo("ours");
        assertThat(record.getAttributes().get(HumeAttributes.CODE)).isEqualTo("E0300");
    }

    @Test
    void theCounterCountsRecordsByPrimaryCode() {
        Logger logger = logger(
                HumeLogRecordProcessor.builder().setMeterProvider(meterProvider).build());
        emit(logger, r -> r.setBody("E0300"));
        emit(logger, r -> r.setBody("E0811 rate limited").setAttribute(stringKey("code"), "E0811"));
        emit(logger, r -> r.setBody("W0777"));
        emit(logger, r -> r.setBody("fine"));
        assertThat(HumeSpanProcessorTest.counts(metrics.collectAllMetrics()))
                .containsExactlyInAnyOrder(
                        "E0300 billing critical log = 1",
                        "E0811 rate_limit warning log = 1",
                        "unknown unknown warning log = 1");
    }

    @Test
    void anExporterAddedFirstCopiesTheRecordBeforeTheAttributesAreAdded() {
        // Why autoconfigure adds this processor first: log record processors see a record one after the other.
        loggerProvider = SdkLoggerProvider.builder()
                .addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter))
                .addLogRecordProcessor(HumeLogRecordProcessor.create())
                .build();
        loggerProvider.get("test").logRecordBuilder().setBody("E0300").emit();
        assertThat(exporter.getFinishedLogRecordItems()).singleElement().satisfies(r -> assertThat(
                        r.getAttributes().get(HumeAttributes.CODE))
                .isNull());
    }

    @Test
    void aFailureIsSwallowedAndReported() {
        ReadWriteLogRecord broken = (ReadWriteLogRecord) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ReadWriteLogRecord.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("record unreadable");
                });
        HumeLogRecordProcessor processor = HumeLogRecordProcessor.create();
        try (LogCapture log = LogCapture.of(HumeLogRecordProcessor.class)) {
            processor.onEmit(Context.root(), broken);
            processor.onEmit(Context.root(), broken);
            assertThat(log.records).hasSize(2).allSatisfy(r -> assertThat(r.getThrown())
                    .hasMessage("record unreadable"));
        }
    }
}
