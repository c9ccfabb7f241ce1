package io.github.humecodes.otel;

import static io.github.humecodes.otel.HumeAssertions.assertEnriched;
import static io.github.humecodes.otel.HumeAssertions.assertNotEnriched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.common.ValueType;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongCounterBuilder;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterBuilder;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Out of memory and the JVM's internal errors ({@link VirtualMachineError}) thrown while a processor works reach
 * the code that ends the span or emits the record: swallowing them would hide a dying JVM. Every other throwable,
 * an {@link Error} from a user's class included, stays in the processor and is reported.
 */
class FatalErrorTest {
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryLogRecordExporter logs = InMemoryLogRecordExporter.create();
    private SdkTracerProvider tracerProvider;
    private SdkLoggerProvider loggerProvider;
    private LogCapture spanFailures;
    private LogCapture logFailures;

    @BeforeEach
    void watchFailures() {
        spanFailures = LogCapture.of(HumeSpanProcessor.class);
        logFailures = LogCapture.of(HumeLogRecordProcessor.class);
    }

    @AfterEach
    void shutDown() {
        spanFailures.close();
        logFailures.close();
        if (tracerProvider != null) {
            tracerProvider.shutdown();
        }
        if (loggerProvider != null) {
            loggerProvider.shutdown();
        }
    }

    private Span span(MeterProvider meters) {
        HumeSpanProcessor.Builder hume = HumeSpanProcessor.builder();
        if (meters != null) {
            hume.setMeterProvider(meters);
        }
        tracerProvider = SdkTracerProvider.builder()
                .addSpanProcessor(hume.build())
                .addSpanProcessor(SimpleSpanProcessor.create(spans))
                .build();
        return tracerProvider.get("test").spanBuilder("call").startSpan();
    }

    private LogRecordBuilder record() {
        loggerProvider = SdkLoggerProvider.builder()
                .addLogRecordProcessor(HumeLogRecordProcessor.create())
                .addLogRecordProcessor(SimpleLogRecordProcessor.create(logs))
                .build();
        return loggerProvider.get("test").logRecordBuilder();
    }

    /** An exception that turns hostile once recorded: its message throws {@code failure}. */
    private Span spanWithHostileException(Throwable failure) {
        HostileInputTest.Treacherous e = new HostileInputTest.Treacherous("hume(E0300)", null, failure);
        Span span = span(null);
        span.recordException(e);
        span.setStatus(StatusCode.ERROR, "E0601");
        e.armed = true;
        return span;
    }

    @Test
    void outOfMemoryFromAnExceptionClassReachesTheCallerOfEnd() {
        OutOfMemoryError oom = new OutOfMemoryError("simulated");
        Span span = spanWithHostileException(oom);
        assertThatThrownBy(span::end).isSameAs(oom);
        assertThat(spanFailures.records).isEmpty();
    }

    @Test
    void anInternalErrorFromAnExceptionClassReachesTheCallerOfEnd() {
        InternalError internal = new InternalError("simulated");
        Span span = spanWithHostileException(internal);
        assertThatThrownBy(span::end).isSameAs(internal);
    }

    @Test
    void outOfMemoryFromTheMeterReachesTheCallerOfEnd() {
        OutOfMemoryError oom = new OutOfMemoryError("simulated");
        Span span = span(meterProviderThrowing(oom));
        span.setAttribute("evi.code", "E0300");
        assertThatThrownBy(span::end).isSameAs(oom);
    }

    @Test
    void anErrorOfAUsersMeterIsSwallowedAndReported() {
        Span span = span(meterProviderThrowing(new AssertionError("the meter's own bug")));
        span.setAttribute("evi.code", "E0300");
        assertThatCode(span::end).doesNotThrowAnyException();
        // The attributes were added before the counter failed.
        assertEnriched(spans.getFinishedSpanItems().get(0).getAttributes(), "E0300");
        assertThat(spanFailures.records).singleElement().satisfies(r -> assertThat(r.getThrown())
                .hasMessage("the meter's own bug"));
    }

    @Test
    void outOfMemoryFromALogBodyReachesTheCallerOfEmit() {
        OutOfMemoryError oom = new OutOfMemoryError("simulated");
        LogRecordBuilder builder = record().setBody(hostileValue(oom));
        assertThatThrownBy(builder::emit).isSameAs(oom);
        assertThat(logFailures.records).isEmpty();
    }

    @Test
    void anErrorOfAUsersValueIsSwallowedAndReported() {
        LogRecordBuilder builder = record().setBody(hostileValue(new UsersOwnError()));
        assertThatCode(builder::emit).doesNotThrowAnyException();
        assertNotEnriched(logs.getFinishedLogRecordItems().get(0).getAttributes());
        assertThat(logFailures.records).singleElement().satisfies(r -> assertThat(r.getThrown())
                .isInstanceOf(UsersOwnError.class));
    }

    /** An Error subclass of an application's own, which is no VirtualMachineError. */
    private static final class UsersOwnError extends Error {
        private static final long serialVersionUID = 1L;

        UsersOwnError() {
            super("an application's own error");
        }
    }

    /** A structured value whose type cannot even be read. */
    private static Value<?> hostileValue(Throwable failure) {
        return new Value<Object>() {
            @Override
            public ValueType getType() {
                throw sneaky(failure);
            }

            @Override
            public Object getValue() {
                throw sneaky(failure);
            }

            @Override
            public String asString() {
                return "hostile";
            }

            @Override
            public String toString() {
                return "hostile";
            }
        };
    }

    private static MeterProvider meterProviderThrowing(Throwable failure) {
        LongCounter counter = (LongCounter) Proxy.newProxyInstance(
                FatalErrorTest.class.getClassLoader(), new Class<?>[] {LongCounter.class}, (p, m, a) -> {
                    throw failure;
                });
        LongCounterBuilder builder = (LongCounterBuilder) Proxy.newProxyInstance(
                FatalErrorTest.class.getClassLoader(),
                new Class<?>[] {LongCounterBuilder.class},
                (p, m, a) -> m.getName().equals("build") ? counter : p);
        Meter meter = (Meter) Proxy.newProxyInstance(
                FatalErrorTest.class.getClassLoader(),
                new Class<?>[] {Meter.class},
                (p, m, a) -> m.getName().equals("counterBuilder") ? builder : null);
        return name -> (MeterBuilder) Proxy.newProxyInstance(
                FatalErrorTest.class.getClassLoader(),
                new Class<?>[] {MeterBuilder.class},
                (p, m, a) -> m.getName().equals("build") ? meter : p);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
