package io.github.humecodes.otel;

import io.github.humecodes.Catalog;
import io.github.humecodes.Detector;
import io.opentelemetry.api.metrics.MeterProvider;
import java.util.Objects;

/** The settings both processor builders share: catalog, scan bound, metric, credential redaction. Not thread-safe. */
final class ProcessorSettings {
    private Catalog catalog = Catalog.builtIn();
    private int maxScanChars = Detector.DEFAULT_MAX_SCAN_CHARS;
    private MeterProvider meterProvider;
    private boolean redactCredentials = true;
    /** Set by autoconfigure, which builds one detector and one counter for both processors. */
    private Detector detector;

    private CodeCounter counter;

    void setCatalog(Catalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.detector = null;
    }

    void setMaxScanChars(int maxScanChars) {
        if (maxScanChars < 1) {
            throw new IllegalArgumentException("maxScanChars must be at least 1, was " + maxScanChars);
        }
        this.maxScanChars = maxScanChars;
        this.detector = null;
    }

    void setMeterProvider(MeterProvider meterProvider) {
        this.meterProvider = Objects.requireNonNull(meterProvider, "meterProvider");
        this.counter = null;
    }

    void setRedactCredentials(boolean redactCredentials) {
        this.redactCredentials = redactCredentials;
    }

    boolean redactCredentials() {
        return redactCredentials;
    }

    void setDetector(Detector detector) {
        this.detector = Objects.requireNonNull(detector, "detector");
    }

    void setCounter(CodeCounter counter) {
        this.counter = counter;
        this.meterProvider = null;
    }

    Detector detector() {
        return detector != null ? detector : Detector.create(catalog, maxScanChars);
    }

    /** The counter to record into, or null for no metric. */
    CodeCounter counter(Catalog catalog) {
        if (counter != null) {
            return counter;
        }
        return meterProvider == null ? null : CodeCounter.create(meterProvider, catalog);
    }
}
