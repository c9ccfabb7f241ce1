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
 *       DEBUG by some library is not lost.</li>
 *   <li>{@code maxRepeats} and {@code repeatWindow} (off by default; window {@code 1 minute} unless set):
 *       after {@code maxRepeats} calls with one primary code within the window, further calls with that code
 *       are denied. Hume repeats an error up to ten times before it closes a socket, so floods of one code are
 *       normal. When the window has ended, the next logging call (any) logs one WARN line through the logger
 *       {@code io.github.humecodes.logback.HumeTurboFilter} with the number suppressed; what is still pending
 *       when the filter stops goes to the status manager. At most 1024 codes are tracked at once (catalog codes
 *       are far fewer; a flood of distinct unknown codes is not flood-controlled beyond that).</li>
 * </ul>
 *
 * <p>It reads the format string, the parameters that are text or throwables, and the throwable; the
 * formatted message is not built. A call it has nothing to do with (filter not started, {@code isXxxEnabled()}
 * checks, no code, a level already enabled and no flood control) gets NEUTRAL at once. Properties also:
 * {@code catalog}, {@code maxScanChars}. Thread-safe; never throws into the logging call (errors of the JVM
 * itself, {@link VirtualMachineError}, go through).
 */
public class HumeTurboFilter extends TurboFilter {
    static final String OFF = "off";
    private static final Duration DEFAULT_WINDOW = Duration.buildByMinutes(1);

    private final ScanSettings settings = new ScanSettings();
    private String forceLogSeverity = Severity.CRITICAL.id();
    private int maxRepeats;
    private Duration repeatWindow;
    private volatile LongSupplier clock = System::nanoTime;

    private volatile EventScanner scanner;
    private volatile Severity force;
    private volatile FloodControl flood;
    private volatile Logger summaryLogger;

    /** {@code critical} (default), {@code error}, {@code warning}, {@code info}, or {@code off}. */
    public void setForceLogSeverity(String forceLogSeverity) {
        this.forceLogSeverity = forceLogSeverity;
    }

    public String getForceLogSeverity() {
        return forceLogSeverity;
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

    /** For tests: how many codes flood control tracks now (0 when it is off or not started). */
    int trackedCodes() {
        FloodControl f = flood;
        return f == null ? 0 : f.trackedCodes();
    }

    /** For tests: the nanosecond clock of the flood control windows (may be swapped while started). */
    void setClock(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public void start() {
        String label = "HumeTurboFilter [" + getName() + "]";
        scanner = settings.scanner(this, label);
        force = forceSeverity(label);
        flood = floodControl(label);
        if (getContext() instanceof LoggerContext) {
            summaryLogger = ((LoggerContext) getContext()).getLogger(HumeTurboFilter.class);
        }
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
            addError(label + ": maxRepeats must be 0 (off) or a positive number, was " + max
                    + "; flood control is off");
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
        return new FloodControl(max, window.getMilliseconds() * 1_000_000L, () -> clock.getAsLong(), () -> addWarn(label
                + ": " + FloodControl.MAX_CODES + " codes are tracked already; further codes are not flood-controlled"));
    }

    @Override
    public void stop() {
        FloodControl f = flood;
        if (f != null && isStarted()) {
            // At shutdown the appenders stop before the turbo filters: report what is left to the status manager.
            for (FloodControl.Summary s : f.takeAll()) {
                addWarn(summary(s));
            }
        }
        super.stop();
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        if (!isStarted() || format == null || level == null || logger == summaryLogger) {
            return FilterReply.NEUTRAL;
        }
        try {
            FloodControl f = flood;
            Severity lift = force;
            if (f == null) {
                if (lift == null || level.isGreaterOrEqual(logger.getEffectiveLevel())) {
                    return FilterReply.NEUTRAL; // nothing to lift, nothing to count
                }
            } else if (f.due()) {
                logSummaries(f.takeDue());
            }
            Detection found = scanner.scanCall(format, params, t);
            if (found == null) {
                return FilterReply.NEUTRAL;
            }
            boolean enabled = level.isGreaterOrEqual(logger.getEffectiveLevel());
            boolean forced = !enabled && lift != null && found.primary().severity().atLeast(lift);
            if (!enabled && !forced) {
                return FilterReply.NEUTRAL; // dropped by its level anyway: not counted
            }
            if (f != null && !f.allow(found.primary().code())) {
                return FilterReply.DENY;
            }
            return forced ? FilterReply.ACCEPT : FilterReply.NEUTRAL;
        } catch (RuntimeException | LinkageError e) {
            return FilterReply.NEUTRAL;
        }
    }

    private void logSummaries(List<FloodControl.Summary> summaries) {
        Logger out = summaryLogger;
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
        return "Hume code " + s.code + ": " + s.suppressed + " more call(s) suppressed after " + s.allowed
                + " within " + getRepeatWindow() + " (maxRepeats " + maxRepeats + ")";
    }
}
