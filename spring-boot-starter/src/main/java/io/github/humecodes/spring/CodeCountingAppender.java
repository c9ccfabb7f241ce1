package io.github.humecodes.spring;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.github.humecodes.Catalog;
import io.github.humecodes.HumeCode;
import io.github.humecodes.logback.HumeConverter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hands the primary code of each coded event to the sinks (the {@code hume.codes} counter of each Micrometer
 * registry). Attached once, to the root logger, so each event that reaches it is counted once, however many
 * appenders write it; events suppressed by a turbo filter (flood control) are not counted, events forced past
 * their logger's level are. The event is read as {@code %hume{code}} reads it. Costs one volatile read per event
 * while no registry is bound. Thread-safe once started; never throws into the logging call.
 */
final class CodeCountingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    private final List<Consumer<HumeCode>> sinks;
    private final Catalog catalog;
    private final HumeConverter code = new HumeConverter();
    private final List<String> options = new ArrayList<>();

    CodeCountingAppender(List<Consumer<HumeCode>> sinks, HumeCodesSettings settings) {
        this.sinks = sinks;
        this.catalog = settings.catalog;
        options.add("code");
        options.add("maxScanChars=" + settings.maxScanChars);
        if (settings.catalogPath != null) {
            options.add("catalog=" + settings.catalogPath);
        }
    }

    @Override
    public void start() {
        code.setContext(getContext());
        code.setOptionList(options);
        code.start();
        super.start();
    }

    @Override
    public void stop() {
        super.stop();
        code.stop();
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (sinks.isEmpty()) {
            return;
        }
        HumeCode primary = catalog.lookup(code.convert(event));
        if (primary == null) {
            return;
        }
        for (Consumer<HumeCode> sink : sinks) {
            try {
                sink.accept(primary);
            } catch (RuntimeException e) {
                // A registry that fails must not stop the others, nor the logging call.
            }
        }
    }
}
