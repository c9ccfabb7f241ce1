package io.github.humecodes.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped Prometheus rules pass promtool's syntax check and their own unit tests. */
class PromtoolRulesTest {
    static final Path RULES_DIR = Path.of("alerts", "prometheus").toAbsolutePath();
    static final Path RULES = RULES_DIR.resolve("humecodes-alerts.yml");
    static final Path RULES_TEST = RULES_DIR.resolve("humecodes-alerts-test.yml");

    @Test
    void rulesPassPromtoolCheck() throws Exception {
        Path promtool = ExternalTools.require("promtool");
        Processes.Result result = Processes.run(RULES_DIR, promtool.toString(), "check", "rules", RULES.toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        // Four paging categories and ten rate categories.
        assertThat(result.output()).contains("SUCCESS: 14 rules found");
    }

    @Test
    void rulesPassTheirUnitTests() throws Exception {
        Path promtool = ExternalTools.require("promtool");
        Processes.Result result = Processes.run(RULES_DIR, promtool.toString(), "test", "rules", RULES_TEST.toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void theAlertingPageQuotesTheShippedBillingRule() throws Exception {
        String rules = Files.readString(RULES);
        int start = rules.indexOf("      - alert: HumeBilling\n");
        String billing = rules.substring(start, rules.indexOf("          severity: page\n", start) + 25);
        assertThat(billing).contains("hume_category=\"billing\"");
        assertThat(Files.readString(Path.of("..", "docs", "dashboards-and-alerting.md")))
                .contains("```yaml\n" + billing + "```");
    }
}
