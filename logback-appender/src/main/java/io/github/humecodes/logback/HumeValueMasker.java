package io.github.humecodes.logback;

import tools.jackson.core.TokenStreamContext;

/**
 * A logstash-logback-encoder {@code ValueMasker} for 9.x (Jackson 3), for those who keep their encoder as it is:
 * every JSON string the encoder writes (message, stack trace, MDC and key-value values, structured arguments,
 * whatever provider wrote it) has the values of Hume credentials replaced by {@code REDACTED}, the rest of the
 * string as it was. A value is read on its own, with its field name: an {@code Authorization} header is masked
 * when that same value names Hume ({@link HumeEnrichingAppender} reads the whole event for that).
 *
 * <pre>{@code
 * <encoder class="net.logstash.logback.encoder.LogstashEncoder">
 *   <decorator class="net.logstash.logback.mask.MaskingJsonGeneratorDecorator">
 *     <valueMasker class="io.github.humecodes.logback.HumeValueMasker"/>
 *   </decorator>
 * </encoder>
 * }</pre>
 *
 * <p>For logstash-logback-encoder 8.x (Jackson 2) name {@link HumeJackson2ValueMasker} instead: one class per line,
 * see {@link CredentialMasker} for why; the wrong one is reported to the status manager when Logback starts it.
 * Thread-safe.
 */
public class HumeValueMasker extends CredentialMasker {
    public HumeValueMasker() {
        super("tools.jackson.core.TokenStreamContext", "9.x (Jackson 3)");
    }

    /** logstash-logback-encoder 9.x's {@code ValueMasker.mask}. */
    @Override
    public Object mask(TokenStreamContext context, Object value) {
        return mask(context == null ? null : context.currentName(), value);
    }
}
