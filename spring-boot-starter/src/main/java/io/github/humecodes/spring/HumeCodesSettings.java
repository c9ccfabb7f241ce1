package io.github.humecodes.spring;

import io.github.humecodes.Catalog;
import io.github.humecodes.CatalogException;
import io.github.humecodes.Severity;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.IgnoreErrorsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;

/**
 * The {@code humecodes.*} properties of one environment ({@link HumeCodesProperties}), checked. A value that cannot
 * be read or is out of range becomes a problem, one sentence naming the property, its value, where it was set and
 * the default used instead; the settings hold only values every component accepts, so that no Logback component
 * reports a configuration error (Spring Boot would refuse to start). Immutable and thread-safe.
 */
final class HumeCodesSettings {
    static final String PREFIX = "humecodes";
    static final String ENABLED = PREFIX + ".enabled";
    static final String CATALOG = PREFIX + ".catalog";
    static final String MAX_SCAN_CHARS = PREFIX + ".max-scan-chars";
    static final String REDACT_CREDENTIALS = PREFIX + ".redact-credentials";
    static final String ENRICH = PREFIX + ".logback.enrich";
    static final String FORCE_LOG_SEVERITY = PREFIX + ".logback.force-log-severity";
    static final String MAX_REPEATS = PREFIX + ".logback.max-repeats";
    static final String REPEAT_WINDOW = PREFIX + ".logback.repeat-window";
    static final String METRICS_ENABLED = PREFIX + ".metrics.enabled";
    static final String MARK_ERROR_STATUS = PREFIX + ".otel.mark-error-status";

    /** What the turbo filter's forceLogSeverity accepts. */
    static final String OFF = "off";

    final boolean enabled;
    /** A catalog override file that loads, or null for the built-in catalog. */
    final String catalogPath;

    final Catalog catalog;
    final int maxScanChars;
    final boolean redactCredentials;
    final boolean enrich;
    /** A severity id or {@link #OFF}. */
    final String forceLogSeverity;

    final int maxRepeats;
    final Duration repeatWindow;
    final boolean metricsEnabled;
    final boolean markErrorStatus;
    /** One sentence per bad value. */
    final List<String> problems;
    /** The properties the environment sets, good or bad, by their canonical names. */
    private final Map<String, ConfigurationProperty> set;

    private HumeCodesSettings(HumeCodesProperties p, Reader r) {
        HumeCodesProperties defaults = new HumeCodesProperties();
        enabled = p.isEnabled();
        redactCredentials = p.isRedactCredentials();
        enrich = p.getLogback().isEnrich();
        metricsEnabled = p.getMetrics().isEnabled();
        markErrorStatus = p.getOtel().isMarkErrorStatus();

        Catalog loaded = null;
        String path = p.getCatalog() == null || p.getCatalog().isBlank()
                ? null
                : p.getCatalog().trim();
        if (path != null) {
            try {
                loaded = Catalog.load(Path.of(path));
            } catch (CatalogException e) {
                r.problem(CATALOG, e.getMessage(), "the built-in catalog");
            } catch (InvalidPathException e) {
                r.problem(CATALOG, "not a file path (" + e.getMessage() + ")", "the built-in catalog");
            }
        }
        catalogPath = loaded == null ? null : path;
        catalog = loaded == null ? Catalog.builtIn() : loaded;

        int max = p.getMaxScanChars();
        if (max < 1) {
            max = defaults.getMaxScanChars();
            r.problem(MAX_SCAN_CHARS, "must be a positive number", max);
        }
        maxScanChars = max;

        String force = p.getLogback().getForceLogSeverity();
        force = force == null ? "" : force.trim().toLowerCase(Locale.ROOT);
        if (!force.equals(OFF) && Severity.fromId(force) == null) {
            force = defaults.getLogback().getForceLogSeverity();
            r.problem(FORCE_LOG_SEVERITY, "must be critical, error, warning, info or off", force);
        }
        forceLogSeverity = force;

        int repeats = p.getLogback().getMaxRepeats();
        if (repeats < 0) {
            repeats = defaults.getLogback().getMaxRepeats();
            r.problem(MAX_REPEATS, "must be 0 (off) or a positive number", repeats);
        }
        maxRepeats = repeats;

        Duration window = p.getLogback().getRepeatWindow();
        if (window == null || window.isNegative() || window.isZero() || window.toMillis() == 0) {
            window = defaults.getLogback().getRepeatWindow();
            r.problem(REPEAT_WINDOW, "must be at least one millisecond", shown(window));
        }
        repeatWindow = window;

        problems = Collections.unmodifiableList(r.problems);
        set = r.found;
    }

    /** The settings {@code environment} gives; never throws for a bad value. */
    static HumeCodesSettings read(Environment environment) {
        HumeCodesProperties properties = new HumeCodesProperties();
        Reader reader = new Reader();
        Binder.get(environment).bind(PREFIX, Bindable.ofInstance(properties), reader);
        return new HumeCodesSettings(properties, reader);
    }

    /**
     * The boolean property {@code name}, true when it is not set or cannot be read (read then in full, and
     * reported, by {@link #read}): for the conditions, which must agree with the settings.
     */
    static boolean flag(Environment environment, String name) {
        try {
            return Binder.get(environment).bind(name, Boolean.class).orElse(Boolean.TRUE);
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** {@code d} as it would be written in a properties file, in its largest whole unit: {@code 1m}, {@code 1500ms}. */
    static String shown(Duration d) {
        for (ChronoUnit unit :
                new ChronoUnit[] {ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS}) {
            if (d.toMillis() % unit.getDuration().toMillis() == 0) {
                return DurationStyle.SIMPLE.print(d, unit);
            }
        }
        return DurationStyle.SIMPLE.print(d, ChronoUnit.MILLIS);
    }

    /** True when the environment sets {@code name} (a canonical name such as {@link #CATALOG}). */
    boolean isSet(String name) {
        return set.containsKey(name);
    }

    /** Records what the binder found, and each value it could not convert, keeping the default for it. */
    private static final class Reader extends IgnoreErrorsBindHandler {
        final Map<String, ConfigurationProperty> found = new HashMap<>();
        final List<String> problems = new ArrayList<>();

        @Override
        public Object onSuccess(
                ConfigurationPropertyName name, Bindable<?> target, BindContext context, Object result) {
            remember(name, context);
            return super.onSuccess(name, target, context, result);
        }

        @Override
        public Object onFailure(
                ConfigurationPropertyName name, Bindable<?> target, BindContext context, Exception error)
                throws Exception {
            remember(name, context);
            Object kept = super.onFailure(name, target, context, error);
            problem(
                    name.toString(),
                    "is not " + kind(target),
                    kept instanceof Duration ? shown((Duration) kept) : kept);
            return kept;
        }

        private void remember(ConfigurationPropertyName name, BindContext context) {
            ConfigurationProperty property = context.getConfigurationProperty();
            if (property != null) {
                found.put(name.toString(), property);
            }
        }

        void problem(String name, String rule, Object used) {
            ConfigurationProperty property = found.get(name);
            StringBuilder b = new StringBuilder("humecodes: bad value for ").append(name);
            if (property != null) {
                b.append(" = '").append(property.getValue()).append('\'');
                if (property.getOrigin() != null) {
                    b.append(" (").append(property.getOrigin()).append(')');
                }
            }
            problems.add(
                    b.append(": ").append(rule).append("; using ").append(used).toString());
        }

        private static String kind(Bindable<?> target) {
            Class<?> type = target.getType().resolve(Object.class);
            if (type == boolean.class || type == Boolean.class) {
                return "true or false";
            }
            if (type == int.class || type == Integer.class) {
                return "a whole number";
            }
            if (type == Duration.class) {
                return "a duration such as 30s or 1m";
            }
            return "a " + type.getSimpleName();
        }
    }
}
