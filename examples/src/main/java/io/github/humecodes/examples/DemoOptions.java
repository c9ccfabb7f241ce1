package io.github.humecodes.examples;

import java.nio.file.Path;

/**
 * The demo's command line: {@code [--out DIR] [--metrics-port N] [--linger SECONDS] [--seed N]}.
 *
 * @param out where logs.jsonl and spans.jsonl go
 * @param metricsPort loopback port for the Prometheus endpoint: 0 for one the system chooses (the demo prints it),
 *     {@link #NO_METRICS} for none
 * @param lingerSeconds how long to keep serving metrics and producing traffic after the fixed workload
 * @param seed seed of the simulated traffic
 */
record DemoOptions(Path out, int metricsPort, int lingerSeconds, long seed) {
    static final String USAGE =
            "usage: java -jar humecodes-demo.jar [--out DIR] [--metrics-port N (0: any free port)] [--linger SECONDS]"
                    + " [--seed N]";
    /** {@link #metricsPort} when metrics are not served. */
    static final int NO_METRICS = -1;
    /** Upper bound of --linger, so that a forgotten demo still stops by itself. */
    static final int MAX_LINGER_SECONDS = 3600;

    /** The options, or null when help was asked for; IllegalArgumentException naming the bad option. */
    static DemoOptions parse(String... args) {
        Path out = Path.of("humecodes-demo");
        int port = NO_METRICS;
        int linger = 0;
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + arg + "\n" + USAGE);
            }
            String value = args[++i];
            switch (arg) {
                case "--out" -> out = Path.of(value);
                case "--metrics-port" -> port = intIn(arg, value, 0, 65535);
                case "--linger" -> linger = intIn(arg, value, 0, MAX_LINGER_SECONDS);
                case "--seed" -> seed = longValue(arg, value);
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        return new DemoOptions(out, port, linger, seed);
    }

    private static int intIn(String option, String value, int min, int max) {
        long n = longValue(option, value);
        if (n < min || n > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ": " + value);
        }
        return (int) n;
    }

    private static long longValue(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number: " + value, e);
        }
    }
}
