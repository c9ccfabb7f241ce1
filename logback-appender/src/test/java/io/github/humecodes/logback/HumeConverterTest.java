package io.github.humecodes.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** %hume{...} in a PatternLayout, configured from converter.xml and the README snippet. */
class HumeConverterTest {

    @Test
    void everyFieldOptionsAndBadOptions() {
        LoggerContext context = Logs.configure("converter.xml");
        CaptureAppender out = Logs.appender(context, "PATTERN");
        Logger log = context.getLogger("voiceagent");

        log.warn("EVI Error: Code=E0715, then E0700");
        context.getMDCAdapter().put("ws.close_code", "1011");
        log.info("socket closed");
        context.getMDCAdapter().clear();
        log.info("W0105");

        assertThat(out.lines.get(0))
                .isEqualTo("[E0700] [E0700] [rate_limit] [warning] [true] [E0715,E0700]"
                        + " [Too many active chats on the account; close an existing chat before starting another (the"
                        + " message gives the count and the limit).] [rate_limit] [] [] [E0700]");
        assertThat(out.lines.get(1)).isEqualTo("[] [] [] [] [] [] [] [connection] [] [] []");
        assertThat(out.lines.get(2)).startsWith("[W0105] [W0105] [no_result] [info] [false] [W0105] [No speech");
        assertThat(Logs.errors(context))
                .contains(
                        "HumeConverter %hume{bogus}: unknown field 'bogus'; use code, category, severity, description,"
                                + " retryable or codes; printing nothing",
                        "HumeConverter %hume{code, colour=red}: unknown option 'colour=red'; use catalog=FILE,"
                                + " maxScanChars=N or scanMdc=true|false; printing nothing",
                        "HumeConverter %hume{code, maxScanChars=-1}: maxScanChars must be a positive number, was -1;"
                                + " using 65536");
        context.stop();
    }

    @Test
    void theCompositeFormPrintsItsSubPatternOnlyForCodedEvents() {
        LoggerContext context = Logs.configure("converter-composite.xml");
        CaptureAppender out = Logs.appender(context, "PATTERN");
        Logger log = context.getLogger("voiceagent");

        log.error("hume(E0203): too long");
        log.info("connected");
        context.getMDCAdapter().put("ws.close_code", "1011");
        log.warn("socket closed, W0105 first");
        log.info("socket closed");
        context.getMDCAdapter().clear();

        assertThat(out.lines)
                .containsExactly(
                        "hume(E0203): too long|[E0203] |media/error   |ERROR E0203|x|||",
                        "connected||              |||||",
                        // The inner %hume{codes} has a scanner of its own, which does not read the MDC.
                        "socket closed, W0105 first|[W0105] |no_result/info|WARN W0105|x|||",
                        "socket closed||              |INFO ||||");
        assertThat(Logs.errors(context))
                .containsExactlyInAnyOrder(
                        "HumeConverter %hume(...){colour=red}: unknown option 'colour=red'; use catalog=FILE, maxScanChars=N"
                                + " or scanMdc=true|false; printing nothing",
                        "HumeConverter %hume(...){code}: unknown option 'code'; use catalog=FILE, maxScanChars=N"
                                + " or scanMdc=true|false; printing nothing");
        context.stop();
    }

    @Test
    void theReadmeSnippet() {
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            context = Logs.configure("readme-converter.xml");
            Logger log = context.getLogger("voiceagent.evi");
            log.error("hume(E0203): Your audio file was too long");
            log.info("connected");
            context.stop();
        } finally {
            System.setOut(console);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8).lines())
                .containsExactly(
                        "ERROR voiceagent.evi [E0203 media/error] hume(E0203): Your audio file was too long",
                        "INFO  voiceagent.evi connected");
        assertThat(Logs.problems(context)).isEmpty();
    }
}
