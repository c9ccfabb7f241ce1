package io.github.humecodes.otel;

import io.github.humecodes.internal.HumeFields;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * What humecodes added to one SDK, through autoconfigure or a declarative configuration file: the processors,
 * their settings, and their counters, which wait for the SDK's meter provider. Once the SDK is built,
 * {@link #started} binds the counters and logs one INFO line saying that humecodes is active, with what it added
 * and the catalog in use. Thread-safe.
 */
final class Installation {
    private final Logger logger;
    private final String through;
    private final List<Part> parts = new ArrayList<>();
    private boolean started;

    /** {@code through} says how it was installed, for the start-up line: "autoconfigure", for example. */
    Installation(Logger logger, String through) {
        this.logger = logger;
        this.through = through;
    }

    /** A counter for a processor with {@code config}, to be bound when the SDK has started; null for no metric. */
    static CodeCounter counter(HumeConfig config) {
        return config.metricsEnabled ? CodeCounter.unbound() : null;
    }

    /** Records that {@code processor} ("span processor", "log record processor") was added. */
    synchronized void added(String processor, HumeConfig config, CodeCounter counter) {
        parts.add(new Part(processor, config, counter));
    }

    synchronized boolean isStarted() {
        return started;
    }

    /** Binds the counters to {@code sdk}'s meter provider and logs the start-up line; only the first call acts. */
    void started(OpenTelemetrySdk sdk) {
        String line;
        synchronized (this) {
            if (started || parts.isEmpty()) {
                return;
            }
            started = true;
            for (Part p : parts) {
                if (p.counter != null) {
                    p.counter.bind(sdk.getMeterProvider(), p.config.detector.catalog());
                }
            }
            line = line();
        }
        logger.info(line);
    }

    /**
     * "humecodes is active through autoconfigure: span processor and log record processor, catalog built-in
     * (87 codes), counter hume.codes, credentials redacted"; each processor names its catalog when they differ.
     */
    private String line() {
        boolean oneCatalog = true;
        boolean counted = false;
        List<String> redacting = new ArrayList<>();
        for (Part p : parts) {
            oneCatalog &= catalog(p).equals(catalog(parts.get(0)));
            counted |= p.counter != null;
            if (p.config.redactCredentials) {
                redacting.add(p.processor);
            }
        }
        StringBuilder b = new StringBuilder("humecodes is active through ")
                .append(through)
                .append(": ");
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            b.append(i == 0 ? "" : i == parts.size() - 1 ? " and " : ", ").append(p.processor);
            if (!oneCatalog) {
                b.append(" (").append(catalog(p)).append(')');
            }
        }
        if (oneCatalog) {
            b.append(", ").append(catalog(parts.get(0)));
        }
        b.append(counted ? ", counter " + HumeFields.METRIC_NAME : ", no counter (metrics disabled)");
        if (redacting.size() == parts.size()) {
            b.append(", credentials redacted");
        } else if (redacting.isEmpty()) {
            b.append(", credentials not redacted (" + HumeConfig.REDACT_CREDENTIALS + "=false)");
        } else {
            b.append(", credentials redacted by the ")
                    .append(String.join(" and the ", redacting))
                    .append(" only");
        }
        return b.toString();
    }

    private static String catalog(Part p) {
        return "catalog " + p.config.catalogName + " ("
                + p.config.detector.catalog().codes().size() + " codes)";
    }

    private static final class Part {
        final String processor;
        final HumeConfig config;
        final CodeCounter counter;

        Part(String processor, HumeConfig config, CodeCounter counter) {
            this.processor = processor;
            this.config = config;
            this.counter = counter;
        }
    }
}
