package io.github.humecodes.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.humecodes.Detection;
import java.util.List;
import net.logstash.logback.composite.AbstractFieldJsonProvider;
import tools.jackson.core.JsonGenerator;

/**
 * A logstash-logback-encoder (9.x) provider that writes the Hume fields of an event, for those who keep their
 * encoder and do not want {@link HumeEnrichingAppender} in front of it.
 *
 * <pre>{@code
 * <encoder class="net.logstash.logback.encoder.LogstashEncoder">
 *   <provider class="io.github.humecodes.logback.HumeJsonProvider"/>
 * </encoder>
 * }</pre>
 *
 * <p>Flat by default ({@code "hume.code":"E0300", "hume.category":"billing", ...}); with {@code fieldName} set,
 * nested under that object with bare names ({@code "hume":{"code":"E0300", ...}}), and {@code fieldPrefix} is
 * then not used. A field the event already has as a key-value pair or MDC entry (the user's own, or one added
 * by {@link HumeEnrichingAppender}, which the encoder writes itself) is not written again; an event that went
 * through {@link HumeEnrichingAppender} is not scanned again.
 *
 * <p>Properties: {@code fieldPrefix} (default {@code hume.}), {@code fieldName} (default none: flat),
 * {@code catalog}, {@code maxScanChars}, {@code scanMdc}. Thread-safe once started.
 */
public class HumeJsonProvider extends AbstractFieldJsonProvider<ILoggingEvent> {
    private final ScanSettings settings = new ScanSettings();
    private boolean prefixSet;
    private volatile EventScanner scanner;
    private volatile HumeFields fields;

    public void setFieldPrefix(String fieldPrefix) {
        settings.fieldPrefix(fieldPrefix);
        prefixSet = true;
    }

    public String getFieldPrefix() {
        return settings.fieldPrefix();
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

    public void setScanMdc(boolean scanMdc) {
        settings.scanMdc(scanMdc);
    }

    public boolean isScanMdc() {
        return settings.scanMdc();
    }

    @Override
    public void start() {
        String label = "HumeJsonProvider";
        scanner = settings.scanner(this, label);
        String nest = getFieldName();
        if (nest != null && nest.isBlank()) {
            addError(label + ": fieldName must not be blank; writing the fields flat");
            setFieldName(null);
            nest = null;
        }
        if (nest != null) {
            if (prefixSet) {
                addWarn(label + ": fieldPrefix is not used when fieldName is set (fields nested under "
                        + nest + " have bare names)");
            }
            fields = HumeFields.withPrefix("");
        } else {
            fields = settings.fields(this, label);
        }
        super.start();
    }

    @Override
    public void writeTo(JsonGenerator generator, ILoggingEvent event) {
        Detection found;
        try {
            found = scanner.scan(event);
            if (found == null) {
                return;
            }
        } catch (RuntimeException e) {
            return; // an event whose getters throw is written without the fields
        }
        String nest = getFieldName();
        if (nest == null) {
            fields.write(found, event, (name, value) -> writeField(generator, name, value));
        } else if (!HumeFields.has(event, nest)) {
            generator.writeObjectPropertyStart(nest);
            fields.write(found, null, (name, value) -> writeField(generator, name, value));
            generator.writeEndObject();
        }
    }

    private static void writeField(JsonGenerator generator, String name, Object value) {
        if (value instanceof Boolean) {
            generator.writeBooleanProperty(name, (Boolean) value);
        } else if (value instanceof List) {
            generator.writeArrayPropertyStart(name);
            for (Object o : (List<?>) value) {
                generator.writeString(String.valueOf(o));
            }
            generator.writeEndArray();
        } else {
            generator.writeStringProperty(name, String.valueOf(value));
        }
    }
}
