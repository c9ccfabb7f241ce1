package io.github.humecodes.logback;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.humecodes.Detection;
import java.util.List;

/**
 * Pattern word {@code hume}: one field of the primary code of an event, or nothing when it carries none.
 *
 * <pre>{@code
 * <conversionRule conversionWord="hume" class="io.github.humecodes.logback.HumeConverter"/>
 * <pattern>%-5level [%hume{code} %hume{category}/%hume{severity}] %msg%n</pattern>
 * }</pre>
 *
 * <p>Logback before 1.5.7 knows only the attribute {@code converterClass} in place of {@code class}.
 *
 * <p>The first option names the field: {@code code} (the default), {@code category}, {@code severity},
 * {@code description}, {@code retryable} ({@code true}/{@code false}) or {@code codes} (every code found,
 * joined with commas). Further options set the scanner: {@code catalog=FILE}, {@code maxScanChars=N},
 * {@code scanMdc=true}, e.g. {@code %hume{category, scanMdc=true}}. An event that went through
 * {@link HumeEnrichingAppender} is not scanned again. A bad option is reported to the status manager and the
 * converter prints nothing. Thread-safe once started.
 */
public class HumeConverter extends ClassicConverter {
    private volatile HumeFields.Field field;
    private volatile EventScanner scanner;

    @Override
    public void start() {
        String label = optionsLabel();
        List<String> options = getOptionList();
        String first = options == null || options.isEmpty() ? "code" : options.get(0);
        HumeFields.Field named = HumeFields.Field.named(first);
        if (named == null) {
            addError(label + ": unknown field '" + first + "'; use code, category, severity, description,"
                    + " retryable or codes; printing nothing");
        }
        ScanSettings settings = new ScanSettings();
        for (int i = 1; options != null && i < options.size(); i++) {
            if (!setting(settings, options.get(i))) {
                addError(label + ": unknown option '" + options.get(i) + "'; use catalog=FILE, maxScanChars=N"
                        + " or scanMdc=true|false; printing nothing");
                named = null;
            }
        }
        scanner = settings.scanner(this, label);
        field = named;
        super.start();
    }

    private boolean setting(ScanSettings settings, String option) {
        int eq = option.indexOf('=');
        if (eq < 0) {
            return false;
        }
        String key = option.substring(0, eq).trim();
        String value = option.substring(eq + 1).trim();
        switch (key) {
            case "catalog":
                settings.catalog(value);
                return true;
            case "maxScanChars":
                try {
                    settings.maxScanChars(Integer.parseInt(value));
                } catch (NumberFormatException e) {
                    addError(optionsLabel() + ": maxScanChars must be a positive number, was " + value
                            + "; using " + settings.maxScanChars());
                }
                return true;
            case "scanMdc":
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    addError(optionsLabel() + ": scanMdc must be true or false, was " + value + "; using false");
                    return true;
                }
                settings.scanMdc(Boolean.parseBoolean(value));
                return true;
            default:
                return false;
        }
    }

    private String optionsLabel() {
        List<String> options = getOptionList();
        return "HumeConverter %hume"
                + (options == null || options.isEmpty() ? "" : "{" + String.join(", ", options) + "}");
    }

    @Override
    public String convert(ILoggingEvent event) {
        HumeFields.Field f = field;
        EventScanner s = scanner;
        if (f == null || s == null) {
            return "";
        }
        try {
            Detection found = s.scan(event);
            if (found == null) {
                return "";
            }
            Object value = f == HumeFields.Field.CODES ? HumeFields.codes(found) : f.value(found);
            return HumeFields.text(value);
        } catch (RuntimeException | LinkageError e) {
            return "";
        }
    }
}
