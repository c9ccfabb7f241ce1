package io.github.humecodes.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/**
 * Errors of the JVM itself ({@link VirtualMachineError}: out of memory, stack overflow) go through every
 * component to the caller; a LinkageError from a user's value or a child appender does not reach the logging
 * call. Configured from fatal.xml; each component is called as Logback calls it.
 */
class FatalErrorsTest {
    private LoggerContext context;
    private Logger log;

    @BeforeEach
    void configure() {
        context = Logs.configure("fatal.xml");
        log = context.getLogger("voiceagent");
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    /** A text value that reads fine as a whole (toString) but fails when scanned character by character. */
    private static CharSequence failingText(Error error) {
        String text = "close code 1011, then E0700";
        return new CharSequence() {
            @Override
            public int length() {
                return text.length();
            }

            @Override
            public char charAt(int index) {
                throw error;
            }

            @Override
            public CharSequence subSequence(int start, int end) {
                throw error;
            }

            @Override
            public String toString() {
                return text;
            }
        };
    }

    private ILoggingEvent eventWithValue(CharSequence value) {
        LoggingEvent event =
                new LoggingEvent(Logger.class.getName(), log, Level.ERROR, "E0300 with a payload", null, null);
        event.addKeyValuePair(new KeyValuePair("payload", value));
        return event;
    }

    private TurboFilter turbo() {
        return context.getTurboFilterList().get(0);
    }

    private Encoder<ILoggingEvent> encoder(String appender) {
        return Logs.<CaptureAppender>appender(context, appender).getEncoder();
    }

    @Test
    void outOfMemoryGoesThroughEveryComponent() {
        OutOfMemoryError oom = new OutOfMemoryError("test");
        CharSequence value = failingText(oom);
        Appender<ILoggingEvent> hume = Logs.appender(context, "HUME");

        assertThatThrownBy(() -> turbo().decide(null, log, Level.DEBUG, "{}", new Object[] {value}, null))
                .isSameAs(oom);
        assertThatThrownBy(() -> hume.doAppend(eventWithValue(value))).isSameAs(oom);
        assertThatThrownBy(() -> encoder("PATTERN").encode(eventWithValue(value)))
                .isSameAs(oom);
        assertThatThrownBy(() -> encoder("JSON").encode(eventWithValue(value))).isSameAs(oom);
        assertThatThrownBy(() -> log.atError().addKeyValue("payload", value).log("E0300"))
                .isSameAs(oom);
    }

    @Test
    void aStackOverflowInAChildGoesThroughTheWrapper() {
        StackOverflowError overflow = new StackOverflowError("test");
        Logs.<ThrowingAppender>appender(context, "CHILD").error = overflow;

        assertThatThrownBy(() -> log.error("E0300")).isSameAs(overflow);
        assertThat(Logs.errors(context)).noneMatch(m -> m.contains("threw"));
    }

    @Test
    void aLinkageErrorFromAValueOrAChildStaysOutOfTheLoggingCall() {
        CharSequence value = failingText(new NoClassDefFoundError("test"));
        Logs.<ThrowingAppender>appender(context, "CHILD").error = new NoClassDefFoundError("test");
        Appender<ILoggingEvent> hume = Logs.appender(context, "HUME");
        CaptureAppender after = Logs.appender(context, "AFTER");

        assertThat(turbo().decide(null, log, Level.DEBUG, "{}", new Object[] {value}, null))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThatCode(() -> hume.doAppend(eventWithValue(value))).doesNotThrowAnyException();
        assertThatCode(() -> encoder("PATTERN").encode(eventWithValue(value))).doesNotThrowAnyException();
        assertThat(Logs.json(new String(encoder("JSON").encode(eventWithValue(value))).strip())
                        .get("message")
                        .asString())
                .isEqualTo("E0300 with a payload");
        assertThatCode(() -> log.atError().addKeyValue("payload", value).log("E0300"))
                .doesNotThrowAnyException();

        assertThat(after.events).as("the child after the failing one").hasSize(2);
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .filteredOn(s -> s.getMessage().contains("appender [CHILD] threw"))
                .hasSize(2)
                .allMatch(s -> s.getThrowable() instanceof NoClassDefFoundError);
    }
}
