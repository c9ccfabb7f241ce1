package io.github.humecodes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {
    private static List<String> lines(Reader in, int maxChars) throws IOException {
        BoundedLineReader reader = new BoundedLineReader(in, maxChars);
        List<String> out = new ArrayList<>();
        for (String line = reader.next(); line != null; line = reader.next()) {
            out.add(line);
        }
        return out;
    }

    @Test
    void everyLineEndAndALastLineWithoutOne() throws IOException {
        assertThat(lines(new StringReader("a\nb\r\nc\rd\n\ne"), 100)).containsExactly("a", "b", "c", "d", "", "e");
        assertThat(lines(new StringReader(""), 100)).isEmpty();
        assertThat(lines(new StringReader("\r\n"), 100)).containsExactly("");
    }

    @Test
    void keepsTheFirstMaxCharsOfALineAndDropsTheRest() throws IOException {
        String longLine = "x".repeat(20_000) + "E0300";
        assertThat(lines(new StringReader("abcdef\n" + longLine + "\nnext"), 4))
                .containsExactly("abcd", "xxxx", "next");
    }

    @Test
    void theEndIsTheEndEvenIfTheReaderHandsOutMore() throws IOException {
        // Like a terminal after Ctrl-D: -1 once, then data again.
        Reader flaky = new Reader() {
            private int calls;

            @Override
            public int read(char[] buf, int off, int len) {
                calls++;
                if (calls == 2) {
                    return -1;
                }
                buf[off] = 'z';
                return 1;
            }

            @Override
            public void close() {}
        };
        assertThat(lines(flaky, 100)).containsExactly("z");
    }
}
