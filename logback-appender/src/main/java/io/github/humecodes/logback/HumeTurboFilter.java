package io.github.humecodes.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.util.Duration;
import io.github.humecodes.Detection;
import io.github.humecodes.Severity;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Marker;

/**
 * A turbo filter that looks at each logging call before any event exists, for two things:
 * <ul>
 *   <li>{@code forceLogSeverity} (default {@code critical}; {@code off} disables): a call carrying a code of
 *       that severity or higher is logged even below its logger's level, so that an {@code E0300} logged at
 *       DEBUG by some library is not lost. What such a call (below its level) is read for: its format string
 *       (remembered by identity, so a constant format costs one comparison) and its throwable (the last
 *       parameter too, when it is one); its other parameters only with {@code forceLogParameters=true}, because
 *       reading them would cost every disabled call in the application a scan of its text parameters.</li>
 *   <li>{@code maxRepeats} and {@code repeatWindow} (off by default; window {@code 1 minute} unless set):
 *       after {@code maxRepeats} calls with one primary code within the window, further calls with that code
 *       are denied. Hume repeats an error up to ten times before it closes a socket, so floods of one code are
 *       normal. When the window has ended, the next logging call (any) logs one WARN line through the logger
 *       {@code io.github.humecodes.logback.HumeTurboFilter} with the number suppressed; what is still pending
 *       when the filter stops goes to the status manager. At most 1024 codes are tracked at once (catalog codes
 *       are far fewer; a flood of distinct unknown codes is not flood-controlled beyond that). Calls at an
 *       enabled level are read whole: format, text parameters and throwable.</li>
 * </ul>
 *
 * <p>The formatted message is never built. A call it has nothing to do with (filter not started, {@code
 * isXxxEnabled()} checks, no code, a level already enabled and no flood control) gets NEUTRAL at once. Properties
 * also: {@code catalog}, {@code maxScanChars}. Thread-safe; never throws into the logging call (errors of the JVM
 * itself, {@link VirtualMachineError}, go through).
 */
public class HumeTurboFilter extends TurboFilter {
    static final String OFF = "off";
    private static final Duration DEFAULT_WINDOW = Duration.buildByMinutes(1);

    private final CommonProperties settings = new CommonProperties();
    private final LongSupplier clock;
    private String forceLogSeverity = Severity.CRITICAL.id();
    private boolean forceLogParameters;
    private int maxRepeats;
    private Duration repeatWindow;

    /** What start() made of the properties, read by decide() at once; null when not started. */
    private volatile Running running;

    /** The started state: immutable but for the flood control table. */
    private static final class Running {
        final EventScanner scanner;
        /** The least severity forced through, or null: off. */
        final Severity force;

        final boolean parameters;
        /** Null when off. */
        final FloodControl flood;
        /** Its calls are never filtered (the flood summaries go through it); null outside a LoggerContext. */
        final Logger summaryLogger;

        Running(EventScanner scanner, Severity force, boolean parameters, FloodControl flood, Logger summaryLogger) {
            this.scanner = scanner;
            this.force = force;
            this.parameters = parameters;
            this.flood = flood;
            this.summaryLogger = summaryLogger;
        }
    }

    public HumeTurboFilter() {
        this(System::nanoTime);
    }

    /** With {@code clock} (nanoseconds) timing the flood control windows; for tests. */
    HumeTurboFilter(LongSupplier clock) {
        this.clock = clock;
    }

    /** {@code critical} (default), {@code error}, {@code warning}, {@code info}, or {@code off}. */
    public void setForceLogSeverity(String forceLogSeverity) {
        this.forceLogSeverity = forceLogSeverity;
    }

    public String getForceLogSeverity() {
        return forceLogSeverity;
    }

    /**
     * Whether a call below its logger's level is also read in its text parameters for {@code forceLogSeverity}
     * (default false: its format and throwable only). On, every disabled call with text parameters costs a scan
     * of them.
     */
    public void setForceLogParameters(boolean forceLogParameters) {
        this.forceLogParameters = forceLogParameters;
    }

    public boolean isForceLogParameters() {
        return forceLogParameters;
    }

    /** Calls with one code allowed per window; 0 (default) turns flood control off. */
    public void setMaxRepeats(int maxRepeats) {
        this.maxRepeats = maxRepeats;
    }

    public int getMaxRepeats() {
        return maxRepeats;
    }

    /** The flood control window, e.g. {@code 10 seconds}; default 1 minute. */
    public void setRepeatWindow(Duration repeatWindow) {
        this.repeatWindow = repeatWindow;
    }

    public Duration getRepeatWindow() {
        return repeatWindow == null ? DEFAULT_WINDOW : repeatWindow;
    }

    public void setCatalog(String catalog) {
        settings.catalog(catalog);
    }

    public String getCatalog() {
        return settings.catalog();
    }

    public void setMaxScanChars(int maxScanChars) {
        settings.maxScanChars(maxScanChars);
    }

    public int getMaxScanChars() {
        return settings.maxScanChars();
    }

    @Override
    public void start() {
        String label = "HumeTurboFilter [" + getName() + "]";
        EventScanner scanner = settings.scanner(this, label);
        Severity force = forceSeverity(label);
        FloodControl flood = floodControl(label);
        Logger summaryLogger = getContext() instanceof LoggerContext
                ? ((LoggerContext) getContext()).getLogger(HumeTurboFilter.class)
                : null;
        running = new Running(scanner, force, forceLogParameters, flood, summaryLogger);
        super.start();
    }

    private Severity forceSeverity(String label) {
        String value = forceLogSeverity == null ? "" : forceLogSeverity.trim();
        if (value.equalsIgnoreCase(OFF)) {
            return null;
        }
        Severity s = Severity.fromId(value);
        if (s == null) {
            addError(label + ": forceLogSeverity must be critical, error, warning, info or off, was '"
                    + forceLogSeverity + "'; using critical");
            return Severity.CRITICAL;
        }
        return s;
    }

    private FloodControl floodControl(String label) {
        int max = maxRepeats;
        if (max < 0) {
            addError(
                    label + ": maxRepeats must be 0 (off) or a positive number, was " + max + "; flood control is off");
            return null;
        }
        Duration window = getRepeatWindow();
        if (window.getMilliseconds() <= 0) {
            addError(label + ": repeatWindow must be positive, was " + window + "; using " + DEFAULT_WINDOW);
            window = DEFAULT_WINDOW;
        }
        if (max == 0) {
            return null;
        }
        return new FloodControl(
                max,
                window.getMilliseconds() * 1_000_000L,
                clock,
                () -> addWarn(label + ": " + FloodControl.MAX_CODES
                        + " codes are tracked already; further codes are not flood-controlled"));
    }

    @Override
    public void stop() {
        Running r = running;
        running = null;
        if (r != null && r.flood != null && isStarted()) {
            // At shutdown the appenders stop before the turbo filters: report what is left to the status manager.
            for (FloodControl.Summary s : r.flood.takeAll()) {
                addWarn(summary(s));
            }
        }
        super.stop();
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        Running r = running;
        if (r == null || format == null || level == null || logger == r.summaryLogger) {
            return FilterReply.NEUTRAL;
        }
        try {
            FloodControl f = r.flood;
            boolean enabled = level.levelInt >= logger.getEffectiveLevel().levelInt;
            if (f == null) {
                if (enabled || r.force == null) {
                    return FilterReply.NEUTRAL; // nothing to lift, nothing to count
                }
            } else if (f.due()) {
                logSummaries(r.summaryLogger, f.takeDue());
            }
            if (!enabled) {
                if (r.force == null) {
                    return FilterReply.NEUTRAL; // dropped by its level anyway: not counted
                }
                Detection found = r.scanner.scanDisabledCall(format, params, t, r.parameters);
                if (found == null || !found.primary().severity().atLeast(r.force)) {
                    return FilterReply.NEUTRAL;
                }
                return f != null && !f.allow(found.primary().code()) ? FilterReply.DENY : FilterReply.ACCEPT;
            }
            Detection found = r.scanner.scanCall(format, params, t);
            return found != null && !f.allow(found.primary().code()) ? FilterReply.DENY : FilterReply.NEUTRAL;
        } catch (RuntimeException | LinkageError e) {
            return FilterReply.NEUTRAL;
        }
    }

    private void logSummaries(Logger out, List<FloodControl.Summary> summaries) {
        for (FloodControl.Summary s : summaries) {
            if (out != null) {
                // This logger's calls are not filtered here (see decide), so this cannot recurse.
                out.warn(summary(s));
            } else {
                addWarn(summary(s));
            }
        }
    }

    private String summary(FloodControl.Summary s) {
        return "Hume code " + s.code + ": " + s.suppressed + " more call(s) suppressed after " + s.allowed + " within "
                + getRepeatWindow() + " (maxRepeats " + maxRepeats + ")";
    }
}
