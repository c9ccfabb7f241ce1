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
 * The {@code otel.hume.*} properties (or {@code OTEL_HUME_*} environment variables), read once. A bad value is
 * reported as a WARNING naming the property and the default is used instead: configuration never stops the SDK
 * from starting. Immutable and thread-safe.
 */
final class HumeConfig {
    static final String ENABLED = "otel.hume.enabled";
    static final String CATALOG = "otel.hume.catalog";
    static final String MARK_ERROR_STATUS = "otel.hume.mark-error-status";
    static final String METRICS_ENABLED = "otel.hume.metrics.enabled";
    static final String MAX_SCAN_CHARS = "otel.hume.max-scan-chars";

    private static final Logger LOGGER = Logger.getLogger(HumeAutoConfigurationProvider.class.getName());

    final boolean enabled;
    final boolean markErrorStatus;
    final boolean metricsEnabled;
    final Detector detector;

    private HumeConfig(boolean enabled, boolean markErrorStatus, boolean metricsEnabled, Detector detector) {
        this.enabled = enabled;
        this.markErrorStatus = markErrorStatus;
        this.metricsEnabled = metricsEnabled;
        this.detector = detector;
    }

    /** The settings {@code config} gives; never throws. */
    static HumeConfig read(ConfigProperties config) {
        try {
            return parse(config);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "humecodes: could not read the otel.hume.* properties; using the defaults", e);
            return new HumeConfig(true, true, true, Detector.create());
        }
    }

    private static HumeConfig parse(ConfigProperties config) {
        boolean enabled = bool(config, ENABLED, true);
        if (!enabled) {
            return new HumeConfig(false, false, false, null);
        }
        return new HumeConfig(true, bool(config, MARK_ERROR_STATUS, true), bool(config, METRICS_ENABLED, true),
                Detector.create(catalog(config), maxScanChars(config)));
    }

    private static boolean bool(ConfigProperties config, String name, boolean otherwise) {
        String value = string(config, name);
        if (value == null) {
            return otherwise;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                warn(name, "'" + value + "' is not true or false; using " + otherwise);
                return otherwise;
        }
    }

    private static Catalog catalog(ConfigProperties config) {
        String file = string(config, CATALOG);
        if (file == null) {
            return Catalog.builtIn();
        }
        try {
            return Catalog.load(Path.of(file));
        } catch (CatalogException e) {
            warn(CATALOG, e.getMessage() + "; using the built-in catalog");
        } catch (InvalidPathException e) {
            warn(CATALOG, "'" + file + "' is not a file path (" + e.getMessage() + "); using the built-in catalog");
        }
        return Catalog.builtIn();
    }

    private static int maxScanChars(ConfigProperties config) {
        String value = string(config, MAX_SCAN_CHARS);
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
        warn(MAX_SCAN_CHARS, "'" + value + "' is not a positive whole number; using "
                + Detector.DEFAULT_MAX_SCAN_CHARS);
        return Detector.DEFAULT_MAX_SCAN_CHARS;
    }

    /** The trimmed value, or null when the property is not set or blank. */
    private static String string(ConfigProperties config, String name) {
        String value = config.getString(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void warn(String property, String problem) {
        LOGGER.log(Level.WARNING, "humecodes: bad value for " + property + " (" + environmentName(property) + "): "
                + problem);
    }

    /** The environment variable the SDK reads for {@code property}: agents are often configured that way. */
    static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
