package io.github.humecodes.otel;

import io.github.humecodes.internal.Credentials;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Replaces the values of Hume credentials in a span's or log record's own string attributes (and each element of
 * a string array) with {@link Credentials#REDACTED}, by core's {@link Credentials#redactValue}: the rest of each
 * value stays as it was. Only run when {@link AttributeScan#mayHoldCredentials()} said a credential may be there,
 * so it may take its time and allocate. Replacements are collected first and written after the visit: an SDK's
 * attribute map may not change while it is visited. One per span or record; not thread-safe.
 */
final class CredentialRedaction implements BiConsumer<AttributeKey<?>, Object> {
    private final boolean humeScope;
    private List<AttributeKey<?>> keys;
    private List<Object> values;

    /** {@code humeScope}: whether the span or record names Hume ({@link AttributeScan#humeScope}). */
    CredentialRedaction(boolean humeScope) {
        this.humeScope = humeScope;
    }

    /** Works out the replacements of the credentials in {@code attributes}; {@link #apply} writes them. */
    void visit(Attributes attributes) {
        attributes.forEach(this);
    }

    /** Writes the replacements {@link #visit} found to {@code span} or, when it is null, to {@code record}. */
    void apply(ReadWriteSpan span, ReadWriteLogRecord record) {
        if (keys != null) {
            for (int i = 0; i < keys.size(); i++) {
                HumeAttributes.put(span, record, keys.get(i), values.get(i));
            }
        }
    }

    /** {@code text} with its credentials replaced; itself when it holds none. */
    String redact(String text) {
        return text == null ? null : Credentials.redact(text, humeScope);
    }

    @Override
    public void accept(AttributeKey<?> key, Object value) {
        String name = key.getKey();
        if (value instanceof String) {
            String redacted = redactValue(name, (String) value);
            if (redacted != value) {
                replace(key, redacted);
            }
        } else if (key.getType() == AttributeType.STRING_ARRAY) {
            List<?> elements = (List<?>) value;
            List<String> redacted = null;
            for (int i = 0; i < elements.size(); i++) {
                String element = (String) elements.get(i);
                String r = redactValue(name, element);
                if (r != element && redacted == null) {
                    redacted = new ArrayList<>(elements.size());
                    for (int j = 0; j < i; j++) {
                        redacted.add((String) elements.get(j));
                    }
                }
                if (redacted != null) {
                    redacted.add(r);
                }
            }
            if (redacted != null) {
                replace(key, redacted);
            }
        }
    }

    /** The value under {@code key} with its credentials replaced; itself when it holds none. */
    private String redactValue(String key, String value) {
        // A text the cheap check does not flag, under a key that names no credential, holds none.
        if (value == null || (Credentials.flags(value) == 0 && !Credentials.isCredentialKey(key, true))) {
            return value;
        }
        return Credentials.redactValue(key, value, humeScope);
    }

    private void replace(AttributeKey<?> key, Object value) {
        if (keys == null) {
            keys = new ArrayList<>();
            values = new ArrayList<>();
        }
        keys.add(key);
        values.add(value);
    }
}
