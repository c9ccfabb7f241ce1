package io.github.humecodes.benchmarks;

import io.github.humecodes.Detector;
import io.github.humecodes.internal.Credentials;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The check every text goes through for Hume credentials ({@code Credentials.flags}), on texts that hold none:
 * against five {@code String.indexOf(String)} passes for the names it looks for (its first form) and against the
 * detector's scan of the same text, for scale.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class CredentialsBenchmark {
    /** A log message, a request line with a URL, a 2 KB JSON payload: none holds a credential or names Hume. */
    @Param({"message", "url", "json"})
    public String text;

    private String value;
    private final Detector detector = Detector.create();

    @Setup
    public void setUp() {
        switch (text) {
            case "message":
                value = "User 42 started a session; the request queue is full, retrying in 250 ms (attempt 2)";
                break;
            case "url":
                value = "GET https://api.example.com/v1/users/42/sessions?limit=20&cursor=a1b2c3 returned 200 in"
                        + " 35 ms (user agent curl/8.5)";
                break;
            default:
                StringBuilder json = new StringBuilder("{\"type\":\"assistant_message\",\"results\":[");
                while (json.length() < 2000) {
                    json.append("{\"utterance\":\"sure, I can help you with your account\",\"duration\":1284},");
                }
                value = json.append("{}]}").toString();
        }
        if (Credentials.flags(value) != 0 || fiveIndexOf() || detector.scan(value) != null) {
            throw new IllegalStateException("the text must hold no credential, no Hume name and no code: " + value);
        }
    }

    @Benchmark
    public int flags() {
        return Credentials.flags(value);
    }

    /** The first form of the check: one {@code indexOf(String)} pass per name. */
    @Benchmark
    public boolean fiveIndexOf() {
        String s = value;
        return s.indexOf("ume") >= 0
                || s.indexOf("UME") >= 0
                || s.indexOf("/v0/") >= 0
                || s.indexOf("odel") >= 0
                || s.indexOf("oauth2-cc") >= 0;
    }

    @Benchmark
    public Object detector() {
        return detector.scan(value);
    }
}
