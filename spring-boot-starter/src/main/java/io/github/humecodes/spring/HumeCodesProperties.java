package io.github.humecodes.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code humecodes.*} properties. Read by the starter itself, leniently: a bad value is reported at start-up,
 * naming the property and where it was set, and its default is used; the application starts. Not a bean.
 * Not thread-safe: filled once by the binder.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("humecodes")
public class HumeCodesProperties {
    /**
     * Whether humecodes is on: the fields in Spring Boot's log output, the turbo filter, the hume.codes counter
     * and the OpenTelemetry processors.
     */
    private boolean enabled = true;

    /** Path of a catalog override file (the catalog's JSON schema), merged over the built-in catalog. */
    private String catalog;

    /** Characters read from each text (message, exception message, value) at most. */
    private int maxScanChars = 65536;

    /** Whether Hume credentials (API keys, tokens) found in enriched events and spans are replaced by REDACTED. */
    private boolean redactCredentials = true;

    private final Logback logback = new Logback();

    private final Metrics metrics = new Metrics();

    private final Otel otel = new Otel();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getCatalog() {
        return catalog;
    }

    public void setCatalog(String catalog) {
        this.catalog = catalog;
    }

    public int getMaxScanChars() {
        return maxScanChars;
    }

    public void setMaxScanChars(int maxScanChars) {
        this.maxScanChars = maxScanChars;
    }

    public boolean isRedactCredentials() {
        return redactCredentials;
    }

    public void setRedactCredentials(boolean redactCredentials) {
        this.redactCredentials = redactCredentials;
    }

    public Logback getLogback() {
        return logback;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    public Otel getOtel() {
        return otel;
    }

    /** {@code humecodes.logback.*}: Spring Boot's Logback output. */
    public static class Logback {
        /**
         * Whether Spring Boot's own log output carries the fields: its plain pattern shows [code category] before
         * the logger name, its structured formats (logging.structured.format.*) hold hume.* members.
         */
        private boolean enrich = true;

        /**
         * A logging call carrying a code of this severity or higher is logged even below its logger's level:
         * critical, error, warning, info, or off.
         */
        private String forceLogSeverity = "critical";

        /** Calls with one code logged per repeat window; 0 turns flood control off. */
        private int maxRepeats = 0;

        /** The flood control window. */
        private Duration repeatWindow = Duration.ofMinutes(1);

        public boolean isEnrich() {
            return enrich;
        }

        public void setEnrich(boolean enrich) {
            this.enrich = enrich;
        }

        public String getForceLogSeverity() {
            return forceLogSeverity;
        }

        public void setForceLogSeverity(String forceLogSeverity) {
            this.forceLogSeverity = forceLogSeverity;
        }

        public int getMaxRepeats() {
            return maxRepeats;
        }

        public void setMaxRepeats(int maxRepeats) {
            this.maxRepeats = maxRepeats;
        }

        public Duration getRepeatWindow() {
            return repeatWindow;
        }

        public void setRepeatWindow(Duration repeatWindow) {
            this.repeatWindow = repeatWindow;
        }
    }

    /** {@code humecodes.metrics.*}: the Micrometer counter. */
    public static class Metrics {
        /** Whether coded log events are counted in the hume.codes counter (Prometheus: hume_codes_total). */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** {@code humecodes.otel.*}: the OpenTelemetry processors. */
    public static class Otel {
        /** Whether a span carrying an error or critical code whose status is unset gets status ERROR. */
        private boolean markErrorStatus = true;

        public boolean isMarkErrorStatus() {
            return markErrorStatus;
        }

        public void setMarkErrorStatus(boolean markErrorStatus) {
            this.markErrorStatus = markErrorStatus;
        }
    }
}
