package io.github.humecodes.otel;

import io.github.humecodes.Catalog;
import io.github.humecodes.Detection;
import io.github.humecodes.Detector;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.common.ValueType;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Adds the {@code hume.*} attributes to log records that carry Hume codes, for applications that ship logs
 * through OpenTelemetry (for example with its Logback appender, which turns key-value pairs into attributes).
 * Immutable and thread-safe.
 *
 * <p>Codes are looked for in a string body (anywhere in its text), in a structured body (values that are exactly
 * a code, numbers under a close-code key, in nested maps and lists) and in the {@code exception.message},
 * {@code exception.type} and {@code exception.stacktrace} attributes (anywhere in their text), in other
 * attributes whose value is exactly a code, and in numbers under a close-code key
 * ({@code websocket.close.code=1011}). Attributes the record already has are kept.
 *
 * <p>Hume credentials in the record's string attributes (each element of a string array too) become
 * {@code REDACTED}, the rest of each value staying as it was ({@link Builder#setRedactCredentials}, on by
 * default). A string body holding one is redacted only where the SDK lets a log record processor set the body,
 * which no SDK up to 1.68 does: the body is then exported as it is, and the processor says so once (WARNING).
 *
 * <p>Log record processors see a record in the order they were added, and exporting processors copy the record
 * when they see it: add this processor before them (in order, or with
 * {@code SdkLoggerProviderBuilder.addLogRecordProcessorFirst}, SDK 1.50.0 and later, as autoconfigure does).
 *
 * <p>Works with OpenTelemetry SDK 1.46.0 and later (the classes as shipped, compiled against 1.68.0, were run on
 * 1.46.0 to 1.68.0): it reads {@code ReadWriteLogRecord.getBodyValue} and {@code getAttributes}, which came with
 * 1.46.0. On an older SDK each record fails with
 * {@code NoSuchMethodError: ReadWriteLogRecord.getBodyValue()}, which is reported and the record passes on.
 *
 * <p>The processor never throws into the logging call, but for a {@link VirtualMachineError} (out of memory, an
 * internal error of the JVM), which is not its to swallow. Any other failure, an {@code Error} from a user's class
 * included, is reported through java.util.logging, throttled (five, then at most one a minute), and the record
 * passes on as it was.
 */
public final class HumeLogRecordProcessor implements LogRecordProcessor {
    private static final Logger LOGGER = Logger.getLogger(HumeLogRecordProcessor.class.getName());
    private final Detector detector;
    private final boolean redactCredentials;
    private final CodeCounter counter;
    private final Failures failures = new Failures(HumeLogRecordProcessor.class);
    /** Whether the body that could not be redacted was reported: once per processor. */
    private final AtomicBoolean bodyNotice = new AtomicBoolean();

    private HumeLogRecordProcessor(Builder b) {
        this.detector = b.settings.detector();
        this.redactCredentials = b.settings.redactCredentials();
        this.counter = b.settings.counter(detector.catalog());
    }

    /** A processor over the built-in catalog that records no metric. */
    public static HumeLogRecordProcessor create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void onEmit(Context context, ReadWriteLogRecord logRecord) {
        try {
            Detection found = null;
            AttributeScan scan = new AttributeScan(detector, redactCredentials);
            String text = null;
            Value<?> body = logRecord.getBodyValue();
            if (body != null) {
                if (body.getType() == ValueType.STRING) {
                    text = (String) body.getValue();
                    found = detector.scan(text, null);
                    scan.noteText(text);
                } else {
                    found = scan.scanBody(body, null);
                }
            }
            CredentialRedaction redaction = null;
            // The SDK's own records are read where they are kept, under their lock; others by getAttributes().
            if (SdkLogRecordReader.reads(logRecord)) {
                Detection beforeAttributes = found;
                synchronized (SdkLogRecordReader.lock(logRecord)) {
                    Attributes attributes = SdkLogRecordReader.attributes(logRecord);
                    found = scan.scanOwn(attributes, found);
                    redaction = redaction(scan, attributes, text);
                }
                if (found != beforeAttributes && found.size() > 1) {
                    // Kept in the order they were set; getAttributes() sorts them by key, the order of the codes
                    // every SDK gives (see HumeSpanProcessor): read them again in it.
                    found = scan.scan(logRecord.getAttributes(), false, beforeAttributes);
                }
            } else {
                Attributes attributes = logRecord.getAttributes();
                found = scan.scanOwn(attributes, found);
                redaction = redaction(scan, attributes, text);
            }
            if (redaction != null) {
                redaction.apply(null, logRecord);
                redactBody(logRecord, redaction, text);
            }
            if (found == null) {
                return;
            }
            HumeAttributes.addTo(logRecord, scan.present(), found);
            if (counter != null) {
                counter.count(found.primary(), CodeCounter.Signal.LOG);
            }
        } catch (VirtualMachineError e) {
            throw e; // out of memory and the JVM's internal errors are not the processor's to swallow
        } catch (Throwable t) { // anything else, an Error from a user's class included, stays here
            failures.report("Looking for Hume codes in a log record", t);
        }
    }

    /** The replacements of the credentials in the record's {@code attributes}, or null when it may hold none. */
    private CredentialRedaction redaction(AttributeScan scan, Attributes attributes, String body) {
        if (!redactCredentials || !scan.mayHoldCredentials()) {
            return null;
        }
        CredentialRedaction redaction = new CredentialRedaction(scan.humeScope(attributes, body, null));
        redaction.visit(attributes);
        return redaction;
    }

    /** Replaces the credentials in a string body where the SDK allows it; says once where it does not. */
    private void redactBody(ReadWriteLogRecord logRecord, CredentialRedaction redaction, String body) throws Throwable {
        String redacted = redaction.redact(body);
        if (redacted != body && !LogBodySetter.set(logRecord, redacted) && bodyNotice.compareAndSet(false, true)) {
            LOGGER.warning("humecodes: a log record's body holds a Hume credential, and this OpenTelemetry SDK does"
                    + " not let a log record processor change a body: it is exported as it is (its attributes are"
                    + " redacted). Redact it where the line is written, for example by sending the application's"
                    + " log events through humecodes' Logback appender. Said once.");
        }
    }

    @Override
    public String toString() {
        return "HumeLogRecordProcessor{redactCredentials=" + redactCredentials + ", maxScanChars="
                + detector.maxScanChars() + ", metric=" + (counter != null) + "}";
    }

    /** Builds {@link HumeLogRecordProcessor}s. Not thread-safe. */
    public static final class Builder {
        private final ProcessorSettings settings = new ProcessorSettings();

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
         * Whether the values of Hume credentials in the record's attributes (and its string body, where the SDK lets
         * a processor change it) are replaced with {@code REDACTED}; true by default.
         */
        public Builder setRedactCredentials(boolean redactCredentials) {
            settings.setRedactCredentials(redactCredentials);
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

        public HumeLogRecordProcessor build() {
            return new HumeLogRecordProcessor(this);
        }
    }
}
