package io.github.humecodes.logback;

import com.fasterxml.jackson.core.JsonStreamContext;

/**
 * {@link HumeValueMasker} for logstash-logback-encoder 8.x (Jackson 2): the same masking, configured under 8.x's
 * element name.
 *
 * <pre>{@code
 * <encoder class="net.logstash.logback.encoder.LogstashEncoder">
 *   <jsonGeneratorDecorator class="net.logstash.logback.mask.MaskingJsonGeneratorDecorator">
 *     <valueMasker class="io.github.humecodes.logback.HumeJackson2ValueMasker"/>
 *   </jsonGeneratorDecorator>
 * </encoder>
 * }</pre>
 *
 * <p>It declares only 8.x's {@code mask} method and names no Jackson 3 type, so that Logback's configurator can read
 * it where only Jackson 2 is present (see {@link CredentialMasker}); on 9.x name {@link HumeValueMasker}. Thread-safe.
 */
public class HumeJackson2ValueMasker extends CredentialMasker {
    public HumeJackson2ValueMasker() {
        super("com.fasterxml.jackson.core.JsonStreamContext", "8.x (Jackson 2)");
    }

    /** logstash-logback-encoder 8.x's {@code ValueMasker.mask}; overrides the regex masker's one there. */
    public Object mask(JsonStreamContext context, Object value) {
        return mask(context == null ? null : context.getCurrentName(), value);
    }
}
