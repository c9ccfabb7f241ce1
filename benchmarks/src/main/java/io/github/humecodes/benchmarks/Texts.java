package io.github.humecodes.benchmarks;

/** The log texts every benchmark reads: realistic Hume client log lines, with and without a code. */
final class Texts {
    /**
     * Code-free filler in the shape of an EVI client's debug output: hex ids, small numbers, one four-digit
     * number that is not a close code (the detector has to look at it closer), no code.
     */
    static final String FILLER = "EVI chat 8b1f3c2e session 4f7a: received assistant_message (voice ITO, model "
            + "hume-evi-3) after 1284 ms; audio_output chunk 7 of 12, 16000 Hz linear16, request_id "
            + "5c0e9d1b7a3f4e21. ";
    /** The start of a coded line, as Hume's TypeScript SDK prints it. */
    static final String CODED_HEAD = "hume(E0203): Your audio file was too long. ";
    /** The code in {@link #CODED_HEAD}. */
    static final String CODE = "E0203";

    /** A log message for a Logback event or an OpenTelemetry log record body, without a code. */
    static final String MESSAGE = "EVI chat 8b1f3c2e: assistant_message received after 412 ms (voice ITO)";
    /** A log message with a code, as Hume's SDKs render an EVI error. */
    static final String CODED_MESSAGE =
            "EVI Error: Code=E0715, Slug=max_duration_timeout, Message=The chat reached its maximum duration";
    /** The code in {@link #CODED_MESSAGE}. */
    static final String CODED_MESSAGE_CODE = "E0715";

    private Texts() {}

    /** A text of exactly {@code length} characters: filler, after {@link #CODED_HEAD} when {@code coded}. */
    static String of(int length, boolean coded) {
        StringBuilder b = new StringBuilder(length + FILLER.length() + CODED_HEAD.length());
        if (coded) {
            b.append(CODED_HEAD);
        }
        while (b.length() < length) {
            b.append(FILLER);
        }
        b.setLength(length);
        return b.toString();
    }

    static String message(boolean coded) {
        return coded ? CODED_MESSAGE : MESSAGE;
    }
}
