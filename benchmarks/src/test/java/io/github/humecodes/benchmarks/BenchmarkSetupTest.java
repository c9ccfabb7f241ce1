package io.github.humecodes.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each benchmark's setup checks that what it measures does what it should (the code found, the fields added,
 * the filters configured); this runs those setups and each benchmark method once, so a broken benchmark fails
 * the normal build rather than a benchmark run. Nothing here is timed.
 */
class BenchmarkSetupTest {
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void detector(boolean hasCode) {
        for (int length : new int[] {40, 200, 8000}) {
            DetectorBenchmark b = new DetectorBenchmark();
            b.length = length;
            b.hasCode = hasCode;
            b.setUp();
            assertThat(b.detector() != null).isEqualTo(hasCode);
            assertThat(b.regex().codes).hasSize(hasCode ? 1 : 0);
            assertThat(b.indexOf()).isEqualTo(-1);
            assertThat(b.charLoop()).isEqualTo(-1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"message", "url", "json"})
    void credentials(String text) {
        CredentialsBenchmark b = new CredentialsBenchmark();
        b.text = text;
        b.setUp(); // throws when the text holds a credential, names Hume or carries a code
        assertThat(b.flags()).isZero();
        assertThat(b.fiveIndexOf()).isFalse();
        assertThat(b.detector()).isNull();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void encoder(boolean hasCode) {
        EncoderBenchmark b = new EncoderBenchmark();
        b.hasCode = hasCode;
        b.setUp();
        assertThat(b.humeProvider().length > b.plain().length + 100).isEqualTo(hasCode);
        // A different event: its timestamp may print a few characters shorter or longer; the fields add ~230.
        assertThat(b.plainWithFields().length > b.plain().length + 100).isEqualTo(hasCode);
        b.tearDown();
    }

    @ParameterizedTest
    @ValueSource(strings = {"count", "json"})
    void appender(String child) {
        for (boolean hasCode : new boolean[] {false, true}) {
            AppenderBenchmark b = new AppenderBenchmark();
            b.hasCode = hasCode;
            b.child = child;
            b.setUp();
            b.passThrough();
            b.passThroughWithFields();
            b.hume();
            b.unredacted();
            b.tearDown();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void turboFilter(boolean hasCode) {
        for (String argument : new String[] {"number", "object", "text80", "json2k", "throwable"}) {
            TurboFilterBenchmark b = new TurboFilterBenchmark();
            b.hasCode = hasCode;
            b.argument = argument;
            b.setUp();
            b.debugNone();
            b.debugNeutral();
            b.debugDuplicate();
            b.debugHume();
            b.infoNone();
            b.infoHume();
            b.tearDown();
        }
        assertThat(TurboFilterBenchmark.json(2048))
                .hasSize(2048)
                .startsWith("{")
                .endsWith("}");
        assertThat(TurboFilterBenchmark.argument("text80").toString()).hasSize(80);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void pipeline(boolean hasCode) {
        PipelineBenchmark b = new PipelineBenchmark();
        b.hasCode = hasCode;
        b.setUp();
        b.plain();
        b.passThrough();
        b.plainWithFields();
        b.appender();
        b.unredacted();
        b.provider();
        b.masker();
        b.tearDown();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void spans(boolean hasCode) {
        for (String pipeline : new String[] {"simple", "batch"}) {
            SpanBenchmark b = new SpanBenchmark();
            b.hasCode = hasCode;
            b.pipeline = pipeline;
            b.setUp();
            b.plain();
            b.hume();
            b.humeNoRedaction();
            b.snapshot();
            b.tearDown();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void otlpSpans(boolean hasCode) {
        OtlpSpanBenchmark b = new OtlpSpanBenchmark();
        b.hasCode = hasCode;
        b.setUp();
        b.plain();
        b.hume();
        b.humeNoRedaction();
        b.tearDown();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void logRecords(boolean hasCode) {
        LogRecordBenchmark b = new LogRecordBenchmark();
        b.hasCode = hasCode;
        b.setUp();
        b.humeOnly();
        b.humeOnlyNoRedaction();
        b.plainEmit();
        b.humeEmit();
        b.humeEmitNoRedaction();
        b.tearDown();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void throughput(boolean hasCode) {
        AppenderThroughput b = new AppenderThroughput8();
        b.hasCode = hasCode;
        b.setUp();
        b.passThrough();
        b.hume();
        b.tearDown();
    }
}
