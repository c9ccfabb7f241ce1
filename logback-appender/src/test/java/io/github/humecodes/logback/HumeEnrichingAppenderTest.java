package io.github.humecodes.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.net.server.HardenedLoggingEventInputStream;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEventVO;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The wrapper in front of real appenders, configured from appender.xml. */
class HumeEnrichingAppenderTest {
    private LoggerContext context;
    private Logger log;
    private CaptureAppender json;
    private CaptureAppender pattern;
    private CaptureAppender sibling;

    @BeforeEach
    void configure() {
        context = Logs.configure("appender.xml");
        log = context.getLogger("voiceagent.evi");
        json = Logs.appender(context, "JSON");
        pattern = Logs.appender(context, "PATTERN");
        sibling = Logs.appender(context, "SIBLING");
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void aContextWithoutAnMdcAdapterStillGetsTheFields() {
        // SLF4J's provider gives a context its MDC adapter; one made by hand has none, and Logback's event throws
        // when its MDC is read.
        LoggerContext bare = new LoggerContext();
        HumeEnrichingAppender hume = new HumeEnrichingAppender();
        hume.setContext(bare);
        CaptureAppender child = new CaptureAppender();
        child.setContext(bare);
        child.start();
        hume.addAppender(child);
        hume.start();
        bare.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(hume);

        bare.getLogger("voiceagent").error("hume(E0203): Your audio file was too long");

        assertThat(child.events).singleElement().satisfies(e -> assertThat(e.getKeyValuePairs())
                .anySatisfy(p -> {
                    assertThat(p.key).isEqualTo("hume.code");
                    assertThat(p.value).isEqualTo("E0203");
                }));
        bare.stop();
    }

    @Test
    void logstashEncoderWritesTheFieldsAtTopLevel() {
        log.error("hume(E0203): Your audio file was too long for the stream");

        JsonNode line = Logs.json(json.lines.get(0));
        assertThat(line.get("hume.code").asString()).isEqualTo("E0203");
        assertThat(line.get("hume.category").asString()).isEqualTo("media");
        assertThat(line.get("hume.severity").asString()).isEqualTo("error");
        assertThat(line.get("hume.description").asString()).contains("5000 ms");
        assertThat(line.get("hume.retryable").isBoolean()).isTrue();
        assertThat(line.get("hume.retryable").asBoolean()).isFalse();
        assertThat(line.has("hume.codes")).as("only with several codes").isFalse();
        assertThat(line.get("message").asString())
                .isEqualTo("hume(E0203): Your audio file was too long for the stream");
    }

    @Test
    void severalCodesGiveTheMostSevereAsPrimaryAndAJsonArray() {
        log.warn("EVI Error: Code=E0715, Slug=max_duration_timeout, then {}", "HumeError: CODE E0300: no credits");

        JsonNode line = Logs.json(json.lines.get(0));
        assertThat(line.get("hume.code").asString()).isEqualTo("E0300");
        assertThat(line.get("hume.category").asString()).isEqualTo("billing");
        assertThat(line.get("hume.severity").asString()).isEqualTo("critical");
        JsonNode codes = line.get("hume.codes");
        assertThat(codes.isArray()).isTrue();
        assertThat(codes.size()).isEqualTo(2);
        assertThat(codes.get(0).asString()).isEqualTo("E0715");
        assertThat(codes.get(1).asString()).isEqualTo("E0300");
    }

    @Test
    void kvpAndHumeConverterInAPatternLayout() {
        log.error("Error (E0705): Custom language model disconnected.");
        log.info("processed 1000 records");

        assertThat(pattern.lines.get(0))
                .isEqualTo("Error (E0705): Custom language model disconnected. | "
                        + "hume.code=\"E0705\" hume.category=\"custom_llm\" hume.severity=\"error\" hume.description=\""
                        + "The custom language model was disconnected by a server connection interruption; check that its"
                        + " server is running, reachable and not blocked by a firewall.\" hume.retryable=\"false\" | "
                        + "E0705 custom_llm error false E0705 | The custom language model was disconnected by a server"
                        + " connection interruption; check that its server is running, reachable and not blocked by a"
                        + " firewall.");
        assertThat(pattern.lines.get(1)).isEqualTo("processed 1000 records |  |      |");
    }

    @Test
    void aSiblingAppenderSeesTheOriginalEventUnchanged() {
        log.error("hume(E0203): too long");
        log.info("nothing to see");

        ILoggingEvent original = sibling.events.get(0);
        assertThat(original.getKeyValuePairs()).isNullOrEmpty();
        assertThat(json.events.get(0)).isNotSameAs(original);
        assertThat(json.events.get(0).getKeyValuePairs())
                .extracting(p -> p.key)
                .containsExactly("hume.code", "hume.category", "hume.severity", "hume.description", "hume.retryable");
        // An event without a code is handed on as it is.
        assertThat(json.events.get(1)).isSameAs(sibling.events.get(1));
        assertThat(Logs.json(json.lines.get(1)).has("hume.code")).isFalse();
    }

    @Test
    void anAsyncAppenderBehindTheWrapperGetsTheFields() {
        CaptureAppender behindAsync = Logs.appender(context, "BEHIND_ASYNC");
        log.error("HumeError: CODE W0103: no face detected", new IllegalStateException("bad"));
        context.stop(); // flushes the async queue

        assertThat(behindAsync.lines).hasSize(1);
        JsonNode line = Logs.json(behindAsync.lines.get(0));
        assertThat(line.get("hume.code").asString()).isEqualTo("W0103");
        assertThat(line.get("hume.category").asString()).isEqualTo("no_result");
    }

    @Test
    void aChildThatThrowsDoesNotStopTheOthersAndItsFailuresAreReportedThrottled() {
        ThrowingAppender broken = Logs.appender(context, "BROKEN");
        HumeEnrichingAppender hume = Logs.appender(context, "HUME");
        AtomicLong now = TestClock.NOW;
        now.set(0);
        for (int i = 0; i < 10; i++) {
            log.error("E0300 call {}", i);
        }
        log.info("no code");

        assertThat(broken.calls.get()).isEqualTo(11);
        assertThat(json.lines).hasSize(11);
        assertThat(pattern.lines).hasSize(11);
        String threw =
                "HumeEnrichingAppender [HUME]: appender [BROKEN] threw; the other appenders still get the" + " events";
        assertThat(Logs.errors(context))
                .as("the first three")
                .filteredOn(m -> m.contains("[BROKEN] threw"))
                .containsExactly(threw, threw, threw);

        now.addAndGet(TimeUnit.SECONDS.toNanos(59));
        log.error("E0300 after 59 s");
        assertThat(Logs.errors(context))
                .filteredOn(m -> m.contains("[BROKEN] threw"))
                .hasSize(3);
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        log.error("E0300 a minute after the last report");
        log.error("E0300 right after");
        log.error("E0300 and again");
        assertThat(Logs.errors(context))
                .filteredOn(m -> m.contains("[BROKEN] threw"))
                .hasSize(4)
                .last()
                .isEqualTo(threw + " (9 more time(s) since the last report; after the first 3, one a minute is"
                        + " reported)");
        assertThat(broken.calls.get()).isEqualTo(15);

        context.stop(); // what is left unreported is reported when the wrapper stops
        assertThat(Logs.errors(context))
                .filteredOn(m -> m.contains("[BROKEN] threw"))
                .hasSize(5)
                .last()
                .isEqualTo("HumeEnrichingAppender [HUME]: appender [BROKEN] threw 2 more time(s) since the last"
                        + " report");
    }

    @Test
    void theUsersOwnFieldsAreNotOverwritten() {
        log.atError().addKeyValue("hume.category", "mine").log("HumeError: CODE E0300: no credits");

        JsonNode line = Logs.json(json.lines.get(0)); // fails on a duplicate field
        assertThat(line.get("hume.category").asString()).isEqualTo("mine");
        assertThat(line.get("hume.code").asString()).isEqualTo("E0300");
        assertThat(json.events.get(0).getKeyValuePairs())
                .extracting(p -> p.key)
                .containsExactly("hume.category", "hume.code", "hume.severity", "hume.description", "hume.retryable");
    }

    @Test
    void theSerializedFormOfSocketAppendersCarriesTheFields() throws Exception {
        log.error("close code 1011 after E0705");
        ILoggingEvent decorated = json.events.get(0);
        assertThat(decorated.getMDCPropertyMap()).doesNotContainKey("hume.code");

        // What a SocketAppender does, and what Logback's receiver reads it with.
        decorated.prepareForDeferredProcessing();
        LoggingEventVO vo = LoggingEventVO.build(decorated);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(vo);
        }
        ILoggingEvent received;
        try (HardenedLoggingEventInputStream in = receiverStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            received = (ILoggingEvent) in.readObject();
        }

        assertThat(received.getFormattedMessage()).isEqualTo("close code 1011 after E0705");
        assertThat(received.getKeyValuePairs()).isNull();
        assertThat(received.getMDCPropertyMap())
                .containsEntry("hume.code", "1011")
                .containsEntry("hume.category", "connection")
                .containsEntry("hume.severity", "error")
                .containsEntry("hume.retryable", "true")
                .containsEntry("hume.codes", "1011,E0705");
    }

    /** Logback's receiver stream: built with the context since 1.5.x, without it before (the tests run on both). */
    private HardenedLoggingEventInputStream receiverStream(InputStream in) throws Exception {
        try {
            return HardenedLoggingEventInputStream.class
                    .getConstructor(LoggerContext.class, InputStream.class)
                    .newInstance(context, in);
        } catch (NoSuchMethodException e) {
            return HardenedLoggingEventInputStream.class
                    .getConstructor(InputStream.class)
                    .newInstance(in);
        }
    }

    @Test
    void aWrapperWithoutChildrenIsReportedAndNotStarted() {
        LoggerContext bare = Logs.configure("appender-no-ref.xml");
        HumeEnrichingAppender hume = Logs.appender(bare, "HUME");
        assertThat(hume.isStarted()).isFalse();
        assertThat(Logs.errors(bare))
                .contains("HumeEnrichingAppender [HUME]: no appender-ref; it needs at least"
                        + " one appender to pass events to");
        bare.stop();
    }

    @Test
    void programmaticUseAndStopStopsTheChildren() {
        LoggerContext ctx = new LoggerContext();
        ctx.setMDCAdapter(new LogbackMDCAdapter());
        CaptureAppender child = new CaptureAppender();
        child.setContext(ctx);
        child.setName("child");
        child.start();
        HumeEnrichingAppender hume = new HumeEnrichingAppender();
        hume.setContext(ctx);
        hume.setName("hume");
        hume.addAppender(child);
        hume.start();
        ctx.getLogger("x").addAppender(hume);

        ctx.getLogger("x").error("E0700 too many chats");
        assertThat(child.events.get(0).getKeyValuePairs())
                .extracting(p -> p.value)
                .contains("E0700", "rate_limit", Boolean.TRUE);

        assertThat(hume.detachAppender("child")).isTrue();
        hume.addAppender(child);
        hume.stop();
        assertThat(child.isStarted()).isFalse();
        assertThat(hume.getAppender("child")).as("kept for a restart").isSameAs(child);

        hume.start();
        assertThat(child.isStarted()).as("started again with its wrapper").isTrue();
        ctx.getLogger("x").error("E0300 out of credits");
        assertThat(child.events).hasSize(2);
        assertThat(child.events.get(1).getKeyValuePairs())
                .extracting(p -> p.value)
                .contains("E0300", "billing");
        ctx.stop();
        assertThat(child.isStarted()).isFalse();
    }
}
