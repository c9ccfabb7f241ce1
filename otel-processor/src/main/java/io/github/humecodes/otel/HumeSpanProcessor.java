package io.github.humecodes.otel;

import io.github.humecodes.Catalog;
import io.github.humecodes.Detection;
import io.github.humecodes.Detector;
import io.github.humecodes.HumeCode;
import io.github.humecodes.Severity;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.ExceptionEventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.internal.ExtendedSpanProcessor;
import java.util.List;

/**
 * Adds the {@code hume.*} attributes to spans that carry Hume codes. Immutable and thread-safe.
 *
 * <p>When a span ends, codes are looked for in its status description, its exception events (the recorded
 * throwable with its causes and suppressed exceptions, or the {@code exception.message} and
 * {@code exception.type} attributes of events without one), attribute values that are exactly a code, and
 * numbers under a close-code key ({@code websocket.close.code=1011}), of the span and of its events. The
 * attributes are added in {@link #onEnding}, before any processor's {@code onEnd}, so every processor and
 * exporter sees them, wherever this processor stands in the pipeline. Attributes the span already has are kept.
 * A span carrying an {@code error} or {@code critical} code whose status is unset gets status ERROR with the
 * code as description, unless {@link Builder#setMarkErrorStatus} turned that off.
 *
 * <p>Hume credentials never leave the process through what a processor can change: the value of an API key,
 * token or secret in the span's string attributes (each element of a string array too: {@code url.full}'s
 * {@code api_key}, the {@code http.request.header.x-hume-api-key} header the Java agent captures) and its status
 * description (its status code kept) becomes {@code REDACTED}, and so in its name where the rest of the span may
 * hold a credential or names Hume (names hold none by any instrumentation's conventions, so they are not read
 * otherwise), the rest of each text staying as it was ({@link Builder#setRedactCredentials}, on by default). An {@code Authorization} header's token is Hume's when the
 * span names Hume elsewhere (a {@code *.hume.ai} host, a Hume path, an {@code X-Hume-} header). Span events cannot
 * be changed by any processor, nor can the resource or links.
 *
 * <p>Cost: a span without a code or a credential is read once, where the SDK keeps it (no snapshot; see
 * {@code SdkSpanReader}), each string attribute going through the detector and core's cheap credential check;
 * nothing is allocated but the one object that visits the attributes. Only a span that may hold a credential is
 * read a second time to redact it.
 *
 * <p>Works with OpenTelemetry SDK 1.42.0 and later (the classes as shipped, compiled against 1.68.0, were run on
 * 1.42.0 to 1.68.0). {@code onEnding} comes from the SDK's {@link ExtendedSpanProcessor}, which came with 1.42.0
 * and is still in an {@code internal} package, marked unstable, in 1.68.0; on an older SDK this class cannot be
 * loaded ({@code NoClassDefFoundError: io/opentelemetry/sdk/trace/internal/ExtendedSpanProcessor}). On 1.42 and
 * 1.43, which lack {@link ExceptionEventData}, exception events are read from their {@code exception.message},
 * {@code exception.type} and {@code exception.stacktrace} attributes.
 *
 * <p>The processor never throws into the code that ends a span, but for a {@link VirtualMachineError} (out of
 * memory, an internal error of the JVM), which is not its to swallow. Any other failure, an {@code Error} from a
 * user's class included, is reported through java.util.logging, throttled (five, then at most one a minute), and
 * the span passes on as it was.
 */
public final class HumeSpanProcessor implements ExtendedSpanProcessor {
    /**
     * Whether the SDK has {@link ExceptionEventData}, which holds the recorded throwable: 1.44.0 and later. Before,
     * exception events are read from their attributes.
     */
    private static final boolean EXCEPTION_EVENT_DATA = hasClass("io.opentelemetry.sdk.trace.data.ExceptionEventData");

    private final Detector detector;
    private final boolean markErrorStatus;
    private final boolean redactCredentials;
    private final CodeCounter counter;
    private final Failures failures = new Failures(HumeSpanProcessor.class);

    private HumeSpanProcessor(Builder b) {
        this.detector = b.settings.detector();
        this.markErrorStatus = b.markErrorStatus;
        this.redactCredentials = b.settings.redactCredentials();
        this.counter = b.settings.counter(detector.catalog());
    }

    /** A processor over the built-in catalog that marks error status and records no metric. */
    public static HumeSpanProcessor create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void onEnding(ReadWriteSpan span) {
        try {
            // The SDK's own spans are read where they are kept; any other span through its snapshot.
            Attributes attributes;
            List<EventData> events;
            StatusData status;
            boolean direct = SdkSpanReader.reads(span);
            if (direct) {
                attributes = SdkSpanReader.attributes(span);
                events = SdkSpanReader.events(span);
                status = SdkSpanReader.status(span);
            } else {
                SpanData data = span.toSpanData();
                attributes = data.getAttributes();
                events = data.getEvents();
                status = data.getStatus();
            }
            AttributeScan scan = new AttributeScan(detector, redactCredentials);
            String description = status.getDescription();
            Detection found = detector.scan(description, null);
            for (int i = 0, n = events.size(); i < n; i++) {
                EventData event = events.get(i);
                // Without ExceptionEventData (before SDK 1.44) the stack trace attribute is where the causes are.
                boolean recorded = EXCEPTION_EVENT_DATA && event instanceof ExceptionEventData;
                if (recorded) {
                    found = detector.scan(((ExceptionEventData) event).getException(), found);
                }
                found = scan.scan(event.getAttributes(), recorded, found);
            }
            Detection beforeAttributes = found;
            found = scan.scanOwn(attributes, found);
            if (direct && found != beforeAttributes && found.size() > 1) {
                // The SDK keeps attributes in the order they were set (older SDKs in a hash map's order); its
                // snapshots sort them by key. Several codes are listed, and the first of equal severity is the
                // primary, in that order, the one every SDK and the snapshot give: read them again, sorted.
                found = scan.scan(span.getAttributes(), false, beforeAttributes);
            }
            if (redactCredentials) {
                scan.noteText(description);
                // Names hold no credential in any instrumentation's conventions: a name is read only when the rest
                // of the span may hold one (and then it may say the span is Hume's).
                if (scan.mayHoldCredentials()) {
                    String name = span.getName();
                    redact(span, scan.humeScope(attributes, description, name), attributes, name, status);
                }
            }
            if (found == null) {
                return;
            }
            HumeAttributes.addTo(span, scan.present(), found);
            HumeCode primary = found.primary();
            if (markErrorStatus
                    && primary.severity().atLeast(Severity.ERROR)
                    && status.getStatusCode() == StatusCode.UNSET) {
                span.setStatus(StatusCode.ERROR, primary.code());
            }
            if (counter != null) {
                counter.count(primary, CodeCounter.Signal.SPAN);
            }
        } catch (VirtualMachineError e) {
            throw e; // out of memory and the JVM's internal errors are not the processor's to swallow
        } catch (Throwable t) { // anything else, an Error from a user's class included, stays here
            failures.report("Looking for Hume codes in span " + safeName(span), t);
        }
    }

    /**
     * Replaces the credentials in the span's attributes, name and status description (keeping its status code):
     * everything of the span that a processor can still change. Its events cannot be changed.
     */
    private static void redact(
            ReadWriteSpan span, boolean humeScope, Attributes attributes, String name, StatusData status) {
        CredentialRedaction redaction = new CredentialRedaction(humeScope);
        redaction.visit(attributes);
        redaction.apply(span, null);
        String redactedName = redaction.redact(name);
        if (redactedName != name) {
            span.updateName(redactedName);
        }
        String description = status.getDescription();
        String redactedDescription = redaction.redact(description);
        if (redactedDescription != description) {
            span.setStatus(status.getStatusCode(), redactedDescription);
        }
    }

    private static boolean hasClass(String name) {
        try {
            Class.forName(name, false, HumeSpanProcessor.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String safeName(ReadableSpan span) {
        try {
            return span.getName();
        } catch (RuntimeException e) {
            return "(unnamed)";
        }
    }

    @Override
    public boolean isOnEndingRequired() {
        return true;
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {}

    @Override
    public boolean isEndRequired() {
        return false;
    }

    @Override
    public String toString() {
        return "HumeSpanProcessor{markErrorStatus=" + markErrorStatus + ", redactCredentials=" + redactCredentials
                + ", maxScanChars=" + detector.maxScanChars() + ", metric=" + (counter != null) + "}";
    }

    /** Builds {@link HumeSpanProcessor}s. Not thread-safe. */
    public static final class Builder {
        private final ProcessorSettings settings = new ProcessorSettings();
        private boolean markErrorStatus = true;

        private Builder() {}

        /**
         * The catalog to look codes up in; the built-in one by default.
         *
         * @throws NullPointerException when {@code catalog} is null; the builder keeps its previous catalog
         */
        public Builder setCatalog(Catalog catalog) {
            settings.setCatalog(catalog);
            return this;
        }

        /**
         * Characters read from each text at most; {@value Detector#DEFAULT_MAX_SCAN_CHARS} by default.
         *
         * @throws IllegalArgumentException when {@code maxScanChars} is less than 1; the builder keeps its previous
         *     bound
         */
        public Builder setMaxScanChars(int maxScanChars) {
            settings.setMaxScanChars(maxScanChars);
            return this;
        }

        /**
         * Whether the values of Hume credentials in the span's attributes, name and status description are replaced
         * with {@code REDACTED}; true by default.
         */
        public Builder setRedactCredentials(boolean redactCredentials) {
            settings.setRedactCredentials(redactCredentials);
            return this;
        }

        /** Whether an error or critical code sets an unset span status to ERROR; true by default. */
        public Builder setMarkErrorStatus(boolean markErrorStatus) {
            this.markErrorStatus = markErrorStatus;
            return this;
        }

        /**
         * Records the {@code hume.codes} counter through {@code meterProvider}; no metric by default.
         *
         * @throws NullPointerException when {@code meterProvider} is null; the builder keeps its previous one
         */
        public Builder setMeterProvider(MeterProvider meterProvider) {
            settings.setMeterProvider(meterProvider);
            return this;
        }

        Builder setDetector(Detector detector) {
            settings.setDetector(detector);
            return this;
        }

        Builder setCounter(CodeCounter counter) {
            settings.setCounter(counter);
            return this;
        }

        public HumeSpanProcessor build() {
            return new HumeSpanProcessor(this);
        }
    }
}
