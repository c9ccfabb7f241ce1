package io.github.humecodes.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The demo as a user runs it: Spring Boot's JSON lines carry the fields, and the counter counts each once. */
@ExtendWith(OutputCaptureExtension.class)
class BootDemoTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theJsonLinesCarryTheFieldsAndPrometheusSeesOneCountEach(CapturedOutput output) throws Exception {
        BootDemo.main(new String[0]);

        List<JsonNode> simulated = output.getOut()
                .lines()
                .filter(line -> line.startsWith("{"))
                .map(BootDemoTest::json)
                .filter(o -> o.path("message").asText().startsWith("simulated: "))
                .collect(Collectors.toList());
        assertThat(simulated).hasSize(4);
        assertThat(simulated.get(0).has("hume.code")).isFalse();
        assertThat(simulated.subList(1, 4))
                .extracting(o -> o.path("hume.code").asText())
                .containsExactly("E0300", "E0715", "1011");
        assertThat(simulated.subList(1, 4))
                .extracting(o -> o.path("hume.category").asText())
                .containsExactly("billing", "session", "connection");
        assertThat(output.getOut())
                .contains(
                        "hume_codes_total{hume_category=\"billing\",hume_code=\"E0300\",hume_severity=\"critical\","
                                + "hume_signal=\"log\"} 1.0",
                        "hume_codes_total{hume_category=\"connection\",hume_code=\"1011\",hume_severity=\"error\","
                                + "hume_signal=\"log\"} 1.0");
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
