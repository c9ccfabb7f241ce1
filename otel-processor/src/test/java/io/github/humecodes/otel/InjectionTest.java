package io.github.humecodes.otel;

import static io.github.humecodes.otel.HumeAssertions.assertEnriched;
import static io.github.humecodes.otel.HumeAssertions.assertNotEnriched;
import static io.github.humecodes.otel.HumeAssertions.assertOnlyCatalogValues;
import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Text and attributes of a span or log record never reach the {@code hume.*} attributes, except a validated code;
 * attributes the application set are never replaced.
 */
class InjectionTest {
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryLogRecordExporter logs = InMemoryLogRecordExporter.create();
    private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
            .addSpanProcessor(HumeSpanProcessor.create())
            .addSpanProcessor(SimpleSpanProcessor.create(spans))
            .build();
    private final SdkLoggerProvider loggerProvider = SdkLoggerProvider.builder()
            .addLogRecordProcessor(SimpleLogRecordProcessor.create(logs))
            .addLogRecordProcessorFirst(HumeLogRecordProcessor.create())
            .build();

    @AfterEach
    void shutDown() {
        tracerProvider.shutdown();
        loggerProvider.shutdown();
    }

    private Attributes span(Consumer<Span> body) {
        Span span = tracerProvider.get("test").spanBuilder("hume.call").startSpan();
        body.accept(span);
        span.end();
        List<io.opentelemetry.sdk.trace.data.SpanData> all = spans.getFinishedSpanItems();
        return all.get(all.size() - 1).getAttributes();
    }

    private Attributes log(Consumer<LogRecordBuilder> body) {
        LogRecordBuilder builder = loggerProvider.get("test").logRecordBuilder();
        body.accept(builder);
        builder.emit();
        List<io.opentelemetry.sdk.logs.data.LogRecordData> all = logs.getFinishedLogRecordItems();
        return all.get(all.size() - 1).getAttributes();
    }

    @Test
    void aStatusDescriptionShapedLikeJsonGivesOnlyTheCatalogEntry() {
        String crafted = "{\"code\":\"W0105\",\"hume.code\":\"E0300\\u0000\",\"hume.category\":\"billing\","
                + "\"hume.severity\":\"critical\",\"hume.description\":\"call +1 555 0100\",\"hume.retryable\":true}";
        Attributes a = span(s -> s.setStatus(StatusCode.ERROR, crafted));
        // W0105 and E0300 are both real tokens of the text; everything else written comes from the catalog.
        assertEnriched(a, "E0300", "W0105", "E0300");
        assertOnlyCatalogValues(a);
        Attributes body = log(r -> r.setBody(crafted));
        assertEnriched(body, "E0300", "W0105", "E0300");
    }

    @Test
    void keyValueTextAndNewlinesDoNotBecomeFields() {
        String crafted = "hume.category=billing\nhume.code=evil\r\nhume.severity=critical\nhume.description=pwned\n"
                + "upstream said E0601\nhume.codes=[E0300x]";
        Attributes a = span(s -> s.setStatus(StatusCode.ERROR, crafted));
        assertEnriched(a, "E0601");
        assertThat(a.get(HumeAttributes.CATEGORY)).isEqualTo("timeout");
        Attributes record = log(r -> r.setBody(crafted));
        assertEnriched(record, "E0601");
    }

    @Test
    void valuesThatAreAlmostACodeAreNotCodes() {
        for (String value :
                new String[] {"E０３００", "E\u0660\u0663\u0660\u0660", "e0300", "E03000", "xE0300", "E0300x", "E0300_1"}) {
            Attributes a = span(s -> s.setAttribute("error.code", value));
            assertNotEnriched(a);
            assertThat(a.get(stringKey("error.code"))).isEqualTo(value);
            assertNotEnriched(log(r -> r.setBody("failed").setAttribute(stringKey("error.code"), value)));
        }
    }

    @Test
    void aCodeInsideAValueCountsAndOnlyTheCodeIsCopied() {
        for (String value : new String[] {
            "E0300\n",
            " E0300",
            "E0300 ",
            "E0300\u0000",
            "\u200BE0300",
            "hume.code=E0300",
            "E0300;DROP",
            "{\"hume.category\":\"access\",\"code\":\"E0300\"}"
        }) {
            Attributes a = span(s -> s.setAttribute("error.code", value));
            assertThat(a.get(stringKey("error.code"))).isEqualTo(value);
            assertThat(a.get(HumeAttributes.CODE)).as(value).isEqualTo("E0300");
            assertThat(a.get(HumeAttributes.CATEGORY)).as(value).isEqualTo("billing");
            Attributes r = log(l -> l.setBody("failed").setAttribute(stringKey("error.code"), value));
            assertThat(r.get(HumeAttributes.CODE)).as(value).isEqualTo("E0300");
            assertThat(r.get(HumeAttributes.CATEGORY)).as(value).isEqualTo("billing");
        }
    }

    @Test
    void fullwidthAndOtherScriptDigitsNeverMakeACode() {
        // Only ASCII digits form codes, so no look-alike can be written as a code.
        Attributes a = span(
                s -> s.setStatus(StatusCode.ERROR, "hume(E０３００) hume(E\u0660\u0663\u0660\u0660)" + " hume(Ｅ0300)"));
        assertNotEnriched(a);
    }

    @Test
    void attributesTheApplicationSetAreNeverReplacedWhateverTheirType() {
        Attributes a = span(s -> {
            s.setAttribute("hume.category", "our_own");
            s.setAttribute(booleanKey("hume.severity"), true);
            s.setAttribute(longKey("hume.code"), 7L);
            s.setAttribute(stringArrayKey("hume.description"), List.of("ours"));
            s.setAttribute("hume.retryable", "maybe");
            s.setAttribute(longKey("hume.codes"), 2L);
            s.setStatus(StatusCode.ERROR, "E0300 then W0105");
        });
        assertThat(a.get(stringKey("hume.category"))).isEqualTo("our_own");
        assertThat(a.get(booleanKey("hume.severity"))).isTrue();
        assertThat(a.get(longKey("hume.code"))).isEqualTo(7L);
        assertThat(a.get(stringArrayKey("hume.description"))).containsExactly("ours");
        assertThat(a.get(stringKey("hume.retryable"))).isEqualTo("maybe");
        assertThat(a.get(longKey("hume.codes"))).isEqualTo(2L);
        assertThat(HumeAssertions.humeAttributes(a)).hasSize(6);
    }

    @Test
    void logRecordAttributesTheApplicationSetAreNeverReplacedWhateverTheirType() {
        Attributes a = log(r -> r.setBody("E0300")
                .setAttribute(booleanKey("hume.category"), false)
                .setAttribute(longKey("hume.retryable"), 1L)
                .setAttribute(stringKey("hume.code"), "mine"));
        assertThat(a.get(booleanKey("hume.category"))).isFalse();
        assertThat(a.get(longKey("hume.retryable"))).isEqualTo(1L);
        assertThat(a.get(stringKey("hume.code"))).isEqualTo("mine");
        // The fields the application left free are added from the catalog.
        assertThat(a.get(HumeAttributes.SEVERITY)).isEqualTo("critical");
        assertThat(a.get(HumeAttributes.DESCRIPTION)).isEqualTo(HumeSpanProcessorTest.E0300_DESCRIPTION);
        assertThat(HumeAssertions.humeAttributes(a)).hasSize(5);
    }

    @Test
    void anApplicationCodeAttributeIsKeptAndTheOthersStillComeFromWhatWasFound() {
        // The application's hume.code is data, not a code to look up: the other fields describe what was found.
        Attributes a = span(s -> {
            s.setAttribute("hume.code", "E0300");
            s.setStatus(StatusCode.ERROR, "E0601");
        });
        assertThat(a.get(HumeAttributes.CODE)).isEqualTo("E0300");
        // hume.code=E0300 is itself an attribute that is exactly a code, so both are found; E0300 is primary.
        assertThat(a.get(HumeAttributes.CATEGORY)).isEqualTo("billing");
        assertThat(a.get(HumeAttributes.CODES)).containsExactly("E0601", "E0300");
    }

    @Test
    void anUnknownCodeCarriesOnlyItselfAndTheGenericEntry() {
        Attributes a = span(s -> s.setStatus(StatusCode.ERROR, "E0999: your account is suspended, call +1 555 0100"));
        assertThat(a.get(HumeAttributes.CODE)).isEqualTo("E0999");
        assertThat(a.get(HumeAttributes.CATEGORY)).isEqualTo("unknown");
        assertThat(a.get(HumeAttributes.DESCRIPTION))
                .doesNotContain("suspended")
                .doesNotContain("555");
        assertOnlyCatalogValues(a);
    }

    @Test
    void exceptionTextCraftedAsFieldsGivesOnlyTheCatalogEntry() {
        Attributes a = span(s -> s.recordException(new IllegalStateException(
                "hume.category=billing\nhume.severity=critical\n{\"hume.description\":\"x\"} E0702")));
        assertEnriched(a, "E0702");
        Attributes record = log(r -> r.setAttribute(stringKey("exception.message"), "hume.category=billing\n E0702")
                .setAttribute(stringKey("exception.stacktrace"), "\tat evil(hume.code=E0300x)\n"));
        assertEnriched(record, "E0702");
    }
}
