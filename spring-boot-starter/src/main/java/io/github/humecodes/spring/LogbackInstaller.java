package io.github.humecodes.spring;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.pattern.PatternLayoutBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.util.Duration;
import io.github.humecodes.HumeCode;
import io.github.humecodes.logback.HumeConverter;
import io.github.humecodes.logback.HumeEnrichingAppender;
import io.github.humecodes.logback.HumeTurboFilter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import net.logstash.logback.composite.JsonProvider;
import net.logstash.logback.encoder.CompositeJsonEncoder;
import org.slf4j.ILoggerFactory;
import org.springframework.util.ClassUtils;

/**
 * Puts humecodes into the Logback configuration Spring Boot has just made, from the {@code humecodes.*} settings:
 * <ul>
 *   <li>a {@link HumeTurboFilter}, unless the configuration has one;</li>
 *   <li>a {@link HumeEnrichingAppender} in front of the root logger's appenders that need the fields as key-value
 *       pairs (Spring Boot's structured formats, JSON encoders, appenders that capture key-value pairs), unless the
 *       configuration routes events through an enriching appender of its own. Appenders writing a pattern need no
 *       fields: {@code %hume} shows them there (Spring Boot's plain pattern gets it through
 *       {@code logging.pattern.correlation}); they are put behind it too while {@code humecodes.redact-credentials}
 *       is on (the default), so that what they write has Hume's credentials redacted. Encoders holding
 *       {@code HumeJsonProvider} are left alone (their configuration is the application's);</li>
 *   <li>a {@link CodeCountingAppender} on the root logger, which counts each coded event once into the registered
 *       sinks (the Micrometer counter).</li>
 * </ul>
 * Spring Boot resets the logger context, and with it all of this, each time it initialises logging; the starter
 * installs again after each initialisation (see {@link HumeCodesLoggingListener}), and what is there already is
 * recognised, so nothing is added twice. Thread-safe.
 */
final class LogbackInstaller {
    /** Names of what the starter adds: they say where an appender or filter comes from. */
    static final String NAME = "HUMECODES";

    static final String COUNTER_NAME = "HUMECODES_COUNTER";

    /**
     * Spring Boot's plain pattern takes this before the logger name ({@code logging.pattern.correlation}):
     * {@code [E0300 billing] }, or nothing for an event without a code. {@code %esb} is Spring Boot's word for "in
     * square brackets with a space after, when not empty".
     */
    static final String PATTERN = "%esb(%replace(%hume{code} %hume{category}){'^ ', ''})";

    private static final String HUME_JSON_PROVIDER = "io.github.humecodes.logback.HumeJsonProvider";
    private static final boolean LOGSTASH_PRESENT = ClassUtils.isPresent(
            "net.logstash.logback.encoder.CompositeJsonEncoder", LogbackInstaller.class.getClassLoader());
    private static final boolean MICROMETER_PRESENT = ClassUtils.isPresent(
            "io.micrometer.core.instrument.MeterRegistry", LogbackInstaller.class.getClassLoader());
    /** Appenders walked at most, nested ones included, when looking for an enriching appender. */
    private static final int MAX_NESTING = 8;

    /** Where coded events are counted: one sink per bound Micrometer registry, whichever application bound it. */
    private static final List<Consumer<HumeCode>> SINKS = new CopyOnWriteArrayList<>();

    private LogbackInstaller() {}

    /**
     * Makes {@code %hume} known to every Logback pattern. Spring Boot empties the logger context, conversion rules
     * included, right before it reads its patterns, so a rule put in the context would be gone by then; Logback's
     * default converter map is the one registry that outlives the reset. A rule in a configuration file still wins.
     */
    static void registerPatternWord() {
        synchronized (PatternLayout.DEFAULT_CONVERTER_SUPPLIER_MAP) {
            PatternLayout.DEFAULT_CONVERTER_SUPPLIER_MAP.putIfAbsent("hume", HumeConverter::new);
        }
    }

    /** Installs into {@code factory} when it is Logback's logger context; does nothing otherwise. */
    static void install(ILoggerFactory factory, HumeCodesSettings settings) {
        if (!(factory instanceof LoggerContext)) {
            return;
        }
        LoggerContext context = (LoggerContext) factory;
        context.getConfigurationLock().lock();
        try {
            addTurboFilter(context, settings);
            if (settings.enrich) {
                enrich(context, settings);
            }
            if (settings.metricsEnabled && MICROMETER_PRESENT) {
                addCounter(context, settings);
            }
        } finally {
            context.getConfigurationLock().unlock();
        }
    }

    /** Counts coded log events into {@code sink} from now on. */
    static void addSink(Consumer<HumeCode> sink) {
        SINKS.add(sink);
    }

    static void removeSink(Consumer<HumeCode> sink) {
        SINKS.remove(sink);
    }

    private static void addTurboFilter(LoggerContext context, HumeCodesSettings settings) {
        for (TurboFilter filter : context.getTurboFilterList()) {
            if (filter instanceof HumeTurboFilter) {
                return; // the configuration's own, with its own settings
            }
        }
        HumeTurboFilter filter = new HumeTurboFilter();
        filter.setName(NAME);
        filter.setContext(context);
        filter.setForceLogSeverity(settings.forceLogSeverity);
        filter.setMaxRepeats(settings.maxRepeats);
        filter.setRepeatWindow(Duration.buildByMilliseconds(settings.repeatWindow.toMillis()));
        filter.setMaxScanChars(settings.maxScanChars);
        if (settings.catalogPath != null) {
            filter.setCatalog(settings.catalogPath);
        }
        filter.start();
        context.addTurboFilter(filter);
    }

    private static void enrich(LoggerContext context, HumeCodesSettings settings) {
        if (hasEnrichingAppender(context)) {
            return;
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> wrapped = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(appender -> {
            if (needsFields(appender) || settings.redactCredentials && writesPattern(appender)) {
                wrapped.add(appender);
            }
        });
        if (wrapped.isEmpty()) {
            return;
        }
        HumeEnrichingAppender enricher = new HumeEnrichingAppender();
        enricher.setName(NAME);
        enricher.setContext(context);
        enricher.setMaxScanChars(settings.maxScanChars);
        if (settings.catalogPath != null) {
            enricher.setCatalog(settings.catalogPath);
        }
        enricher.setRedactCredentials(settings.redactCredentials);
        wrapped.forEach(enricher::addAppender);
        enricher.start();
        if (!enricher.isStarted()) {
            return;
        }
        // Added before the others leave the root logger: an event logged meanwhile may be written twice, never lost.
        root.addAppender(enricher);
        wrapped.forEach(root::detachAppender);
    }

    /** True when an appender of any logger is, or holds, a {@link HumeEnrichingAppender}. */
    private static boolean hasEnrichingAppender(LoggerContext context) {
        for (Logger logger : context.getLoggerList()) {
            for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
                if (holdsEnrichingAppender(it.next(), MAX_NESTING)) {
                    return true;
                }
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static boolean holdsEnrichingAppender(Appender<ILoggingEvent> appender, int depth) {
        if (appender instanceof HumeEnrichingAppender) {
            return true;
        }
        if (depth > 0 && appender instanceof AppenderAttachable) {
            Iterator<Appender<ILoggingEvent>> it =
                    ((AppenderAttachable<ILoggingEvent>) appender).iteratorForAppenders();
            while (it.hasNext()) {
                if (holdsEnrichingAppender(it.next(), depth - 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether an appender of the root logger shows the fields only when they come as key-value pairs: not one
     * writing a pattern, not one whose JSON encoder holds {@code HumeJsonProvider}, not the starter's counter.
     */
    private static boolean needsFields(Appender<ILoggingEvent> appender) {
        if (appender instanceof CodeCountingAppender || appender instanceof HumeEnrichingAppender) {
            return false;
        }
        if (appender instanceof OutputStreamAppender) {
            Encoder<?> encoder = ((OutputStreamAppender<?>) appender).getEncoder();
            if (writesPattern(appender)) {
                return false;
            }
            if (LOGSTASH_PRESENT && LogstashEncoders.holdsHumeJsonProvider(encoder)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code appender} writes a pattern ({@code %hume} shows the fields there, not key-value pairs). */
    private static boolean writesPattern(Appender<ILoggingEvent> appender) {
        if (!(appender instanceof OutputStreamAppender)) {
            return false;
        }
        Encoder<?> encoder = ((OutputStreamAppender<?>) appender).getEncoder();
        return encoder instanceof LayoutWrappingEncoder
                && ((LayoutWrappingEncoder<?>) encoder).getLayout() instanceof PatternLayoutBase;
    }

    private static void addCounter(LoggerContext context, HumeCodesSettings settings) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof CodeCountingAppender) {
                return;
            }
        }
        CodeCountingAppender counter = new CodeCountingAppender(SINKS, settings);
        counter.setName(COUNTER_NAME);
        counter.setContext(context);
        counter.start();
        if (counter.isStarted()) {
            root.addAppender(counter);
        }
    }

    /** logstash-logback-encoder's side; loaded only when that library is on the classpath. */
    private static final class LogstashEncoders {
        static boolean holdsHumeJsonProvider(Encoder<?> encoder) {
            if (!(encoder instanceof CompositeJsonEncoder)) {
                return false;
            }
            for (JsonProvider<?> provider :
                    ((CompositeJsonEncoder<?>) encoder).getProviders().getProviders()) {
                // By name: the provider class itself needs a Jackson that the application may not have.
                if (provider.getClass().getName().equals(HUME_JSON_PROVIDER)) {
                    return true;
                }
            }
            return false;
        }
    }
}
