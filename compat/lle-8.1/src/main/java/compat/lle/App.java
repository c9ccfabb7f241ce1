package compat.lle;

import net.logstash.logback.argument.StructuredArguments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An application that logs JSON lines through logstash-logback-encoder and meets a failure from Hume. */
public final class App {
    private static final Logger LOG = LoggerFactory.getLogger("voiceagent.evi.ChatSession");

    private App() {
    }

    /** Logs one billing failure, with a structured argument of the encoder's own, then a line without a code. */
    public static void chat() {
        try {
            throw new IllegalStateException("received from Hume: {\"type\":\"error\",\"code\":\"E0300\","
                    + "\"slug\":\"out_of_credits\",\"message\":\"You've run out of credits.\"}");
        } catch (IllegalStateException e) {
            LOG.error("chat failed {}", StructuredArguments.keyValue("chat_id", "c-42"), e);
        }
        LOG.info("chat closed normally");
    }
}
