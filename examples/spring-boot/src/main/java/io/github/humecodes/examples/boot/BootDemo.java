package io.github.humecodes.examples.boot;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot application whose only humecodes setting is the starter on its classpath: it logs what a voice
 * agent calling Hume would log when Hume answers with errors (simulated, nothing is called), as Spring Boot's
 * logstash JSON lines, then prints how Prometheus would read the {@code hume.codes} counter.
 */
@SpringBootApplication
public class BootDemo {
    private static final Logger EVI = LoggerFactory.getLogger("voiceagent.evi.ChatSession");

    public static void main(String[] args) {
        PrintStream out = System.out;
        out.println("humecodes Spring Boot demo: simulated Hume failures, logged as Spring Boot's JSON lines");
        try (ConfigurableApplicationContext app = SpringApplication.run(BootDemo.class, args)) {
            logSimulatedFailures();
            out.println();
            out.println("hume_codes_total, as /actuator/prometheus serves it:");
            prometheusLines(app).forEach(line -> out.println("  " + line));
        }
    }

    /** Each line as a voice agent would log Hume's answer. */
    static void logSimulatedFailures() {
        EVI.info("simulated: chat started");
        EVI.error("simulated: received from Hume: {\"type\":\"error\",\"code\":\"E0300\",\"message\":\"You've run out"
                + " of credits. Activate billing to continue making API calls.\"}");
        EVI.warn("simulated: EVI Error: Code=E0715, Slug=max_duration_timeout, Message=Max duration reached");
        EVI.error("simulated: WebSocket closed: CloseStatus[code=1011, reason=internal server error]");
    }

    /** The counter's lines in the Prometheus text format, as the actuator endpoint serves them. */
    static List<String> prometheusLines(ConfigurableApplicationContext app) {
        return app.getBean(PrometheusMeterRegistry.class)
                .scrape()
                .lines()
                .filter(line -> line.startsWith("hume_codes_total"))
                .toList();
    }
}
