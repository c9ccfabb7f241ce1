package compat.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.resources.Resource;

/** The OpenTelemetry SDK on the classpath, and what humecodes does on it. */
final class Sdk {
    /** The SDK's own word for its version. */
    static final String VERSION = Resource.getDefault().getAttribute(AttributeKey.stringKey("telemetry.sdk.version"));

    private Sdk() {
    }

    /** The SDK is the one the build names, so the expectations below are about the right one. */
    static void assertIsTheOneNamed() {
        assertEquals(System.getProperty("compat.opentelemetry.version"), VERSION);
    }

    /** HumeLogRecordProcessor reads ReadWriteLogRecord.getBodyValue and getAttributes, which came with 1.46.0. */
    static boolean logRecordProcessorWorks() {
        return atLeast(1, 46);
    }

    /** Autoconfigure puts the log record processor first (addLogRecordProcessorFirst, 1.50.0) or leaves it out. */
    static boolean autoconfigureAddsLogRecordProcessor() {
        return atLeast(1, 50);
    }

    private static boolean atLeast(int major, int minor) {
        String[] parts = VERSION.split("\\.");
        int ma = Integer.parseInt(parts[0]);
        int mi = Integer.parseInt(parts[1]);
        return ma > major || ma == major && mi >= minor;
    }
}
