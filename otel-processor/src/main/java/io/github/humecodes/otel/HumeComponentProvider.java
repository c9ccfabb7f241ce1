package io.github.humecodes.otel;

import io.opentelemetry.api.incubator.config.DeclarativeConfigProperties;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.internal.AutoConfigureListener;
import io.opentelemetry.sdk.autoconfigure.spi.internal.ComponentProvider;
import io.opentelemetry.sdk.autoconfigure.spi.internal.ExtendedDeclarativeConfigProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the span and log record processors named {@value #NAME} in a declarative configuration file share:
 * reading their options, and the {@link Installation} of the SDK being built, which binds their counters and logs
 * the start-up line once the SDK is built. Options mirror the {@code otel.hume.*} properties in the file's snake
 * case: {@code catalog}, {@code mark_error_status} (span processor only), {@code metrics_enabled},
 * {@code redact_credentials} and {@code max_scan_chars}. A bad value or an unknown option is reported as a WARNING naming it, and the default
 * serves. The SDK makes one instance per configuration it reads; thread-safe.
 *
 * <p>Tried with the classes as shipped, compiled against 1.68.0: the processors work with the declarative
 * configuration of SDK 1.48.0 and later (file format 0.3 up to 1.49, 0.4 up to 1.54, 1.x after). The counter and
 * the start-up line need 1.55.0, the first SDK that calls {@link AutoConfigureListener} on component providers
 * once it is built; from 1.60.1 on, the components of one SDK share one start-up line
 * ({@link ExtendedDeclarativeConfigProperties} says which SDK they belong to), before each logs its own. On 1.46
 * and 1.47, whose {@code ComponentProvider} took the older {@code StructuredConfigProperties}, naming humecodes in
 * the file fails the SDK's configuration with {@code AbstractMethodError}. Autoconfigure by properties never loads
 * these classes.
 */
abstract class HumeComponentProvider implements ComponentProvider, AutoConfigureListener {
    static final String NAME = "humecodes";
    static final String CATALOG = "catalog";
    static final String MARK_ERROR_STATUS = "mark_error_status";
    static final String METRICS_ENABLED = "metrics_enabled";
    static final String MAX_SCAN_CHARS = "max_scan_chars";
    static final String REDACT_CREDENTIALS = "redact_credentials";
    static final Logger LOGGER = Logger.getLogger(HumeComponentProvider.class.getName());

    private static final String THROUGH = "declarative configuration";
    /** The installation of each SDK being built, by the configuration provider its components share. */
    private static final Map<Object, Installation> INSTALLATIONS = new WeakHashMap<>();

    private final String processor;
    private final List<String> options;
    private final List<Installation> installations = new ArrayList<>();

    /** {@code processor} names it in messages ("span processor"); {@code options} are the ones it takes. */
    HumeComponentProvider(String processor, List<String> options) {
        this.processor = processor;
        this.options = options;
    }

    /** The processor, with {@code config}'s settings, counting into {@code counter} (may be null). */
    abstract Object build(HumeConfig config, CodeCounter counter);

    @Override
    public final String getName() {
        return NAME;
    }

    @Override
    public final Object create(DeclarativeConfigProperties config) {
        for (String key : config.getPropertyKeys()) {
            if (!options.contains(key)) {
                LOGGER.log(
                        Level.WARNING,
                        "humecodes: unknown option " + key + " of the " + NAME + " " + processor + inFile()
                                + "; it is ignored (options: " + String.join(", ", options) + ")");
            }
        }
        HumeConfig c = HumeConfig.read(new Options(config), LOGGER);
        CodeCounter counter = Installation.counter(c);
        Object built = build(c, counter);
        Installation installation = installation(config);
        installation.added(processor, c, counter);
        synchronized (installations) {
            installations.add(installation);
        }
        return built;
    }

    @Override
    public final void afterAutoConfigure(OpenTelemetrySdk sdk) {
        List<Installation> started;
        synchronized (installations) {
            started = List.copyOf(installations);
            installations.clear();
        }
        for (Installation i : started) {
            i.started(sdk);
        }
    }

    /**
     * The installation shared by the humecodes components of the SDK being built, found by their configuration
     * provider; one of its own where the SDK does not give it (before 1.60.1).
     */
    private static Installation installation(DeclarativeConfigProperties config) {
        Object key = null;
        try {
            if (config instanceof ExtendedDeclarativeConfigProperties) {
                key = ((ExtendedDeclarativeConfigProperties) config).getConfigProvider();
            }
        } catch (LinkageError e) {
            // an SDK without ExtendedDeclarativeConfigProperties
        }
        if (key == null) {
            return new Installation(LOGGER, THROUGH);
        }
        synchronized (INSTALLATIONS) {
            Installation i = INSTALLATIONS.get(key);
            if (i == null || i.isStarted()) { // a started one belongs to an SDK built before
                i = new Installation(LOGGER, THROUGH);
                INSTALLATIONS.put(key, i);
            }
            return i;
        }
    }

    /** " in FILE" when the file is known from the SDK's settings, else nothing. */
    private static String inFile() {
        for (String property : new String[] {"otel.config.file", "otel.experimental.config.file"}) {
            String file = System.getProperty(property);
            if (file == null) {
                file = System.getenv(HumeConfig.environmentName(property));
            }
            if (file != null && !file.isBlank()) {
                return " in " + file.trim();
            }
        }
        return "";
    }

    /** A component's options as a {@link HumeConfig.Source}: {@code otel.hume.max-scan-chars} is max_scan_chars. */
    private final class Options implements HumeConfig.Source {
        private final DeclarativeConfigProperties config;

        Options(DeclarativeConfigProperties config) {
            this.config = config;
        }

        @Override
        public String get(String property) {
            String key = key(property);
            if (!options.contains(key) || !config.getPropertyKeys().contains(key)) {
                return null;
            }
            // The getter of the option's type first: the SDK warns when a getter meets a value of another type.
            boolean number = key.equals(MAX_SCAN_CHARS);
            boolean text = key.equals(CATALOG);
            Object value = number ? config.getLong(key) : text ? config.getString(key) : config.getBoolean(key);
            if (value != null) {
                return value.toString();
            }
            if (config.getStructured(key) != null || config.getStructuredList(key) != null) {
                LOGGER.log(
                        Level.WARNING,
                        "humecodes: bad value for " + name(property)
                                + ": a mapping, not a single value; the default serves");
                return null;
            }
            // A value of another type, which the SDK has warned of: read as text, the warning that follows shows it.
            value = config.getScalarList(key, String.class);
            if (value == null && !text) {
                value = config.getString(key);
            }
            if (value == null && !number) {
                value = config.getLong(key);
            }
            if (value == null) {
                value = config.getDouble(key);
            }
            if (value == null && (number || text)) {
                value = config.getBoolean(key);
            }
            // Null here: the file gives no value at all (an empty entry, or an empty ${VARIABLE:-} substitution).
            return value == null ? null : value.toString();
        }

        @Override
        public String name(String property) {
            return "option " + key(property) + " of the " + NAME + " " + processor + inFile();
        }
    }

    /** The option for an {@code otel.hume.*} property. */
    static String key(String property) {
        return property.substring("otel.hume.".length())
                .replace('-', '_')
                .replace('.', '_')
                .toLowerCase(Locale.ROOT);
    }
}
