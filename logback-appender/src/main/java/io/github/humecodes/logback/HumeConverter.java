package io.github.humecodes.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;
import io.github.humecodes.Detection;
import io.github.humecodes.internal.HumeFields;
import java.util.List;

/**
 * Pattern word {@code hume}, in two forms:
 * <ul>
 *   <li>{@code %hume{field}}: one field of the primary code of an event, or nothing when it carries none;</li>
 *   <li>{@code %hume(sub-pattern)}: the sub-pattern for an event that carries a code, nothing for the others, so
 *       that brackets and separators around the fields disappear from code-free lines.</li>
 * </ul>
 *
 * <pre>{@code
 * <conversionRule conversionWord="hume" class="io.github.humecodes.logback.HumeConverter"/>
 * <pattern>%-5level %logger{24}%hume( [%hume{code} %hume{category}/%hume{severity}]) %msg%n</pattern>
 * }</pre>
 *
 * <p>Logback takes the character right after a closing parenthesis literally ({@code )%msg} prints
 * {@code %msg}): leave a space or another literal there, as above.
 *
 * <p>{@code class=} is Logback's attribute from 1.5.7; on 1.5.0 to 1.5.6 write {@code converterClass=} in its
 * place (later versions accept both).
 *
 * <p>In {@code %hume{field}}, the first option names the field: {@code code} (the default), {@code category},
 * {@code severity}, {@code description}, {@code retryable} ({@code true}/{@code false}) or {@code codes} (every
 * code found, joined with commas). Further options set the scanner: {@code catalog=FILE}, {@code maxScanChars=N},
 * {@code scanMdc=true}, e.g. {@code %hume{category, scanMdc=true}}; in {@code %hume(...)}, every option sets the
 * scanner ({@code %hume(...){scanMdc=true}}). An event that went through {@link HumeEnrichingAppender} is not
 * scanned again. A bad option is reported to the status manager and the converter prints nothing. Thread-safe
 * once started.
 */
public class HumeConverter extends CompositeConverter<ILoggingEvent> {
    private volatile HumeFields.Field field;
    private volatile EventScanner scanner;
    private volatile boolean usable;

    @Override
    public void start() {
        String label = optionsLabel();
        List<String> options = getOptionList();
        boolean composite = getChildConverter() != null;
        boolean ok = true;
        int first = 0;
        HumeFields.Field named = HumeFields.Field.CODE;
        if (!composite) {
            String name = options == null || options.isEmpty() ? "code" : options.get(0);
            named = HumeFields.Field.named(name);
            if (named == null) {
                addError(label + ": unknown field '" + name + "'; use code, category, severity, description,"
                        + " retryable or codes; printing nothing");
                ok = false;
            }
            first = 1;
        }
        CommonProperties settings = new CommonProperties();
        for (int i = first; options != null && i < options.size(); i++) {
            if (!setting(settings, options.get(i))) {
                addError(label + ": unknown option '" + options.get(i) + "'; use catalog=FILE, maxScanChars=N"
                        + " or scanMdc=true|false; printing nothing");
                ok = false;
            }
        }
        scanner = settings.scanner(this, label);
        field = named;
        usable = ok;
        super.start();
    }

    private boolean setting(CommonProperties settings, String option) {
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
                    addError(optionsLabel() + ": maxScanChars must be a positive number, was " + value + "; using "
                            + settings.maxScanChars());
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
        return "HumeConverter %hume" + (getChildConverter() == null ? "" : "(...)")
                + (options == null || options.isEmpty() ? "" : "{" + String.join(", ", options) + "}");
    }

    @Override
    public String convert(ILoggingEvent event) {
        EventScanner s = scanner;
        if (!usable || s == null) {
            return "";
        }
        Detection found;
        try {
            found = s.scan(event);
        } catch (RuntimeException | LinkageError e) {
            return "";
        }
        if (found == null) {
            return "";
        }
        try {
            if (getChildConverter() != null) {
                return super.convert(event); // the sub-pattern, through transform
            }
            HumeFields.Field f = field;
            return HumeFields.text(f == HumeFields.Field.CODES ? HumeFields.codes(found) : f.value(found));
        } catch (RuntimeException | LinkageError e) {
            return "";
        }
    }

    /** The sub-pattern of {@code %hume(...)} as its converters wrote it. */
    @Override
    protected String transform(ILoggingEvent event, String in) {
        return in;
    }
}
