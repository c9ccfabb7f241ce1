package io.github.humecodes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The scan streams: surefire runs this module with a 64 MiB heap, so inputs of hundreds of megabytes, and one
 * line of 50 MB, must pass without ever being held whole.
 */
class StreamingTest {
    /** Generates {@code lines} lines lazily; every 100th carries E0300; then one line of {@code longLine} chars. */
    static final class Generated extends InputStream {
        private final long lines;
        private final long longLine;
        private long line;
        private long longSent;
        private byte[] current = new byte[0];
        private int pos;

        Generated(long lines, long longLine) {
            this.lines = lines;
            this.longLine = longLine;
        }

        @Override
        public int read() {
            if (pos == current.length && !refill()) {
                return -1;
            }
            return current[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == current.length && !refill()) {
                return -1;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }

        private boolean refill() {
            pos = 0;
            if (line < lines) {
                line++;
                String text = line % 100 == 0
                        ? "2026-11-23 INFO request " + line + " failed: HumeError: CODE E0300: out of credits\n"
                        : "2026-11-23 INFO request " + line + " served in 1000 ms by worker 1008\n";
                current = text.getBytes(StandardCharsets.UTF_8);
                return true;
            }
            if (longSent < longLine) {
                // A code first, then filler without a newline: the line is far longer than the scan bound.
                String chunk = longSent == 0 ? "close code 1011 " : "abcdefgh ".repeat(1024);
                current = chunk.getBytes(StandardCharsets.UTF_8);
                longSent += current.length;
                return true;
            }
            current = new byte[0]; // stays at the end: a reader may ask again after -1
            return false;
        }
    }

    @Test
    void millionsOfLinesAndA50MegabyteLineInConstantMemory() {
        long lines = 2_000_000;
        MainTest.Result r = MainTest.run(new Generated(lines, 50L * 1024 * 1024), "scan", "--jsonl", "--summary");
        assertThat(r.status()).isZero();
        assertThat(r.err()).contains("lines: " + (lines + 1) + ", with a Hume code: " + (lines / 100 + 1));
        assertThat(r.err())
                .containsPattern("(?m)^  billing +" + lines / 100 + "$")
                .containsPattern("(?m)^  connection +1$");
        String last = r.out().substring(r.out().lastIndexOf("{\"line\""));
        assertThat(last).startsWith("{\"line\":" + (lines + 1) + ",\"codes\":[\"1011\"]");
    }
}
