package io.github.humecodes.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.github.humecodes.Detector;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every property of the wrapper (default, set, bad) and every source of codes, through appender-settings.xml. */
class SettingsAndSourcesTest {
    private LoggerContext context;
    private CaptureAppender json;

    private Logger configure(String prefix, String catalog, String maxScan, String scanMdc) {
        Map<String, String> p = new HashMap<>();
        p.put("PREFIX", prefix);
        p.put("CATALOG", catalog);
        p.put("MAX_SCAN", maxScan);
        p.put("SCAN_MDC", scanMdc);
        context = Logs.configure("appender-settings.xml", p);
        json = Logs.appender(context, "JSON");
        return context.getLogger("voiceagent");
    }

    private Logger defaults() {
        return configure("hume.", "", String.valueOf(Detector.DEFAULT_MAX_SCAN_CHARS), "false");
    }

    private JsonNode line(int i) {
        return Logs.json(json.lines.get(i));
    }

    private static String resource(String name) {
        try {
            return Path.of(SettingsAndSourcesTest.class.getResource("/" + name).toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void defaultValues() {
        HumeEnrichingAppender fresh = new HumeEnrichingAppender();
        assertThat(fresh.getFieldPrefix()).isEqualTo("hume.");
        assertThat(fresh.getCatalog()).isNull();
        assertThat(fresh.getMaxScanChars()).isEqualTo(65536);
        assertThat(fresh.isScanMdc()).isFalse();

        Logger log = defaults();
        context.getMDCAdapter().put("hume_request", "E0300");
        log.warn("HumeError: CODE E0601: timed out");
        assertThat(line(0).get("hume.code").asString()).isEqualTo("E0601");
        assertThat(line(0).get("hume.severity").asString()).isEqualTo("warning");
        assertThat(line(0).has("hume.codes")).as("MDC not scanned by default").isFalse();
        assertThat(Logs.problems(context)).isEmpty();
    }

    @Test
    void propertiesSet() {
        Logger log = configure("hume_", resource("catalog-override.json"), "200", "true");
        HumeEnrichingAppender hume = Logs.appender(context, "HUME");
        assertThat(hume.getFieldPrefix()).isEqualTo("hume_");
        assertThat(hume.getMaxScanChars()).isEqualTo(200);
        assertThat(hume.isScanMdc()).isTrue();

        log.warn("HumeError: CODE E0601: timed out"); // severity changed by the override file
        log.warn("config problem E0731"); // a code added by the override file
        log.warn("x".repeat(200) + " E0300 past the limit"); // beyond maxScanChars
        context.getMDCAdapter().put("request", "failed with E0700");
        log.info("chat refused"); // only the MDC has a code
        context.getMDCAdapter().clear();

        assertThat(line(0).get("hume_code").asString()).isEqualTo("E0601");
        assertThat(line(0).get("hume_severity").asString()).isEqualTo("error");
        assertThat(line(0).has("hume.code")).isFalse();
        assertThat(line(1).get("hume_category").asString()).isEqualTo("config");
        assertThat(line(1).get("hume_description").asString()).isEqualTo("A code of our own.");
        assertThat(line(2).has("hume_code")).isFalse();
        assertThat(line(3).get("hume_code").asString()).isEqualTo("E0700");
        assertThat(Logs.problems(context)).isEmpty();
    }

    @Test
    void badValuesAreReportedAndTheAppenderKeepsWorking() {
        Logger log = configure("hume.", resource("catalog-bad.json"), "-5", "false");

        assertThat(Logs.errors(context)).anySatisfy(m -> assertThat(m)
                .isEqualTo(
                        "HumeEnrichingAppender [HUME]: maxScanChars must be a positive number, was -5; using 65536"));
        assertThat(Logs.errors(context)).anySatisfy(m -> assertThat(m)
                .startsWith("HumeEnrichingAppender [HUME]: catalog " + resource("catalog-bad.json") + " not used: ")
                .contains("catalog-bad.json", "E0601", "fatal")
                .endsWith("; using the built-in catalog"));

        log.warn("HumeError: CODE E0601: timed out");
        assertThat(line(0).get("hume.severity").asString())
                .as("built-in catalog")
                .isEqualTo("warning");
    }

    @Test
    void aMissingCatalogFileIsNamed() {
        Logger log = configure("hume.", "no/such/catalog.json", "65536", "false");
        assertThat(Logs.errors(context)).anySatisfy(m -> assertThat(m).contains("catalog.json"));
        log.error("E0300");
        assertThat(line(0).get("hume.code").asString()).isEqualTo("E0300");
    }

    @Test
    void codesInTheMessageAndItsParameters() {
        Logger log = defaults();
        log.error(
                "chat {} failed: {}", "c-1", "{\"type\":\"error\",\"code\":\"E0714\",\"slug\":\"inactivity_timeout\"}");
        log.info("processed 1000 records on port 1008, request id e0300abc E0300-01");
        assertThat(line(0).get("hume.code").asString()).isEqualTo("E0714");
        assertThat(line(1).has("hume.code")).isFalse();
    }

    @Test
    void codesInTheThrowableChain() {
        Logger log = defaults();
        RuntimeException cause = new RuntimeException("HumeError: CODE E0700: too many chats");
        log.error("call failed", new IllegalStateException("wrapped", cause));

        Exception withSuppressed = new Exception("closing failed");
        withSuppressed.addSuppressed(new RuntimeException("close code 1011"));
        log.error("cleanup", withSuppressed);

        Exception a = new Exception("a E0300");
        Exception b = new Exception("b", a);
        a.initCause(b); // a cycle
        log.error("cyclic", b);

        assertThat(line(0).get("hume.code").asString()).isEqualTo("E0700");
        assertThat(line(1).get("hume.code").asString()).isEqualTo("1011");
        assertThat(line(2).get("hume.code").asString()).isEqualTo("E0300");
    }

    @Test
    void codesInKeyValuePairs() {
        Logger log = defaults();
        log.atWarn().addKeyValue("hume_error", "E0601").log("request failed");
        log.atWarn().addKeyValue("ws.close_code", 1011).log("socket closed");
        log.atWarn().addKeyValue("websocket.close.status", "1008").log("socket closed");
        log.atWarn().addKeyValue("count", 1011).addKeyValue("note", "1000").log("no close key");

        assertThat(line(0).get("hume.code").asString()).isEqualTo("E0601");
        assertThat(line(1).get("hume.code").asString()).isEqualTo("1011");
        assertThat(line(2).get("hume.code").asString()).isEqualTo("1008");
        assertThat(line(3).has("hume.code")).isFalse();
    }

    @Test
    void codesInTheMdcOnlyWhenScanMdcIsOn() {
        Logger off = defaults();
        context.getMDCAdapter().put("hume_error", "E0601");
        context.getMDCAdapter().put("ws.close_code", "1011");
        off.warn("request failed");
        assertThat(line(0).has("hume.code")).isFalse();
        context.getMDCAdapter().clear();
        context.stop();

        Logger on = configure("hume.", "", "65536", "true");
        context.getMDCAdapter().put("ws.close_code", "1011");
        context.getMDCAdapter().put("hume_error", "E0601");
        on.warn("request failed");
        context.getMDCAdapter().clear();
        JsonNode l = line(0);
        assertThat(l.get("hume.codes")).hasSize(2);
        assertThat(l.get("hume.code").asString()).isEqualTo("1011"); // error beats warning
    }
}
