package io.github.humecodes.cli;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines keeping at most {@code maxChars} characters of each: the rest of an over-long line is read and
 * dropped, so memory stays constant whatever the input. Line ends: {@code \n}, {@code \r\n} or {@code \r}.
 */
final class BoundedLineReader {
    private final Reader in;
    private final char[] buffer = new char[8192];
    private final StringBuilder line;
    private final int maxChars;
    private int pos;
    private int limit;
    private boolean pendingCr;
    private boolean atEnd;

    BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
        this.line = new StringBuilder(Math.min(maxChars, 1024));
    }

    /** The next line (at most maxChars characters), or null at the end of the input. */
    String next() throws IOException {
        if (atEnd) {
            return null; // a reader may hand out more after -1 (a terminal after Ctrl-D): the end is the end
        }
        line.setLength(0);
        boolean any = false;
        while (true) {
            if (pos == limit) {
                limit = in.read(buffer, 0, buffer.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    atEnd = true;
                    return any ? line.toString() : null;
                }
            }
            char c = buffer[pos++];
            if (pendingCr) {
                pendingCr = false;
                if (c == '\n') {
                    continue; // the \n of a \r\n
                }
            }
            if (c == '\n' || c == '\r') {
                pendingCr = c == '\r';
                return line.toString();
            }
            any = true;
            if (line.length() < maxChars) {
                line.append(c);
            }
        }
    }
}
