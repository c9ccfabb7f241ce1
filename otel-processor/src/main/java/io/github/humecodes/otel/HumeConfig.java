package io.github.humecodes.otel;

import io.github.humecodes.Catalog;
import io.github.humecodes.CatalogException;
import io.github.humecodes.Detector;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The humecodes settings, read once: from the {@code otel.hume.*} properties (or {@code OTEL_HUME_*} environment
 * variables) under autoconfigure, or from a processor's options in a declarative configuration file. A bad value
 * is reported as a WARNING naming the setting and the default is used instead: configuration never stops the SDK
 * from starting. Immutable and thread-safe.
 */
final class HumeConfig {
    static final String ENABLED = "otel.hume.enabled";
    static final String CATALOG = "otel.hume.catalog";
    static final String MARK_ERROR_STATUS = "otel.hume.mark-error-status";
    static final String METRICS_ENABLED = "otel.hume.metrics.enabled";
    static final String MAX_SCAN_CHARS = "otel.hume.max-scan-chars";
    static final String REDACT_CREDENTIALS = "otel.hume.redact-credentials";
    static final String BUILT_IN = "built-in";

    /** Where the settings come from. */
    interface Source {
        /** The value of {@code property} (one of the {@code otel.hume.*} names above), or null when unset. */
        String get(String property);

        /** How a warning names {@code property}. */
        String name(String property);
    }

    final boolean enabled;
    final boolean markErrorStatus;
    final boolean metricsEnabled;
    final boolean redactCredentials;
    final Detector detector;
    /** The override file the catalog was loaded from, or {@link #BUILT_IN}; for the start-up line. */
    final String catalogName;

    private HumeConfig(
            boolean enabled,
            boolean markErrorStatus,
            boolean metricsEnabled,
            boolean redactCredentials,
            Detector detector,
            String catalogName) {
        this.enabled = enabled;
        this.markErrorStatus = markErrorStatus;
        this.metricsEnabled = metricsEnabled;
        this.redactCredentials = redactCredentials;
        this.detector = detector;
        this.catalogName = catalogName;
    }

    /** The settings the {@code otel.hume.*} properties give; never throws. */
    static HumeConfig read(ConfigProperties config, Logger logger) {
        return read(
                new Source() {
                    @Override
                    public String get(String property) {
                        return config.getString(property);
                    }

                    @Override
                    public String name(String property) {
                        return property + " (" + environmentName(property) + ")";
                    }
                },
                logger);
    }

    /** The settings {@code source} gives, bad values reported through {@code logger}; never throws. */
    static HumeConfig read(Source source, Logger logger) {
        try {
            return new Reader(source, logger).parse();
        } catch (RuntimeException e) {
            logger.log(Level.WARNING, "humecodes: could not read the settings; using the defaults", e);
            return new HumeConfig(true, true, true, true, Detector.create(), BUILT_IN);
        }
    }

    /** The environment variable the SDK reads for {@code property}: agents are often configured that way. */
    static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** One reading of one source. */
    private static final class Reader {
        private final Source source;
        private final Logger logger;

        Reader(Source source, Logger logger) {
            this.source = source;
            this.logger = logger;
        }

        HumeConfig parse() {
            if (!bool(ENABLED, true)) {
                return new HumeConfig(false, false, false, false, null, BUILT_IN);
            }
            boolean markErrorStatus = bool(MARK_ERROR_STATUS, true);
            boolean metricsEnabled = bool(METRICS_ENABLED, true);
            boolean redactCredentials = bool(REDACT_CREDENTIALS, true);
            String file = string(CATALOG);
            Catalog catalog = catalog(file);
            return new HumeConfig(
                    true,
                    markErrorStatus,
                    metricsEnabled,
                    redactCredentials,
                    Detector.create(catalog == null ? Catalog.builtIn() : catalog, maxScanChars()),
                    catalog == null ? BUILT_IN : file);
        }

        private boolean bool(String property, boolean otherwise) {
            String value = string(property);
            if (value == null) {
                return otherwise;
            }
            switch (value.toLowerCase(Locale.ROOT)) {
                case "true":
                    return true;
                case "false":
                    return false;
                default:
                    warn(property, "'" + value + "' is not true or false; using " + otherwise);
                    return otherwise;
            }
        }

        /** The override catalog {@code file} names, or null for the built-in one. */
        private Catalog catalog(String file) {
            if (file == null) {
                return null;
            }
            try {
                return Catalog.load(Path.of(file));
            } catch (CatalogException e) {
                warn(CATALOG, e.getMessage() + "; using the built-in catalog");
            } catch (InvalidPathException e) {
                warn(CATALOG, "'" + file + "' is not a file path (" + e.getMessage() + "); using the built-in catalog");
            }
            return null;
        }

        private int maxScanChars() {
            String value = string(MAX_SCAN_CHARS);
            if (value == null) {
                return Detector.DEFAULT_MAX_SCAN_CHARS;
            }
            try {
                int n = Integer.parseInt(value);
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            warn(
                    MAX_SCAN_CHARS,
                    "'" + value + "' is not a positive whole number; using " + Detector.DEFAULT_MAX_SCAN_CHARS);
            return Detector.DEFAULT_MAX_SCAN_CHARS;
        }

        /** The trimmed value, or null when the setting is not there or blank. */
        private String string(String property) {
            String value = source.get(property);
            return value == null || value.isBlank() ? null : value.trim();
        }

        private void warn(String property, String problem) {
            logger.log(Level.WARNING, "humecodes: bad value for " + source.name(property) + ": " + problem);
        }
    }
}
