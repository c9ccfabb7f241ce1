package io.github.humecodes.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {
    @Test
    void defaults() {
        assertThat(DemoOptions.parse())
                .isEqualTo(new DemoOptions(Path.of("humecodes-demo"), DemoOptions.NO_METRICS, 0, 42));
    }

    @Test
    void metricsPortZeroLetsTheSystemChoose() {
        assertThat(DemoOptions.parse("--metrics-port", "0").metricsPort()).isZero();
    }

    @Test
    void readsEveryOption() {
        assertThat(DemoOptions.parse("--out", "x", "--metrics-port", "9464", "--linger", "30", "--seed", "7"))
                .isEqualTo(new DemoOptions(Path.of("x"), 9464, 30, 7));
    }

    @Test
    void helpIsNoError() {
        assertThat(DemoOptions.parse("--help")).isNull();
    }

    @Test
    void badValuesNameTheOption() {
        assertThatThrownBy(() -> DemoOptions.parse("--metrics-port", "70000"))
                .hasMessageContaining("--metrics-port must be between 0 and 65535");
        assertThatThrownBy(() -> DemoOptions.parse("--metrics-port", "-1"))
                .hasMessageContaining("--metrics-port must be between 0 and 65535");
        assertThatThrownBy(() -> DemoOptions.parse("--linger", "soon")).hasMessageContaining("--linger needs a number");
        assertThatThrownBy(() -> DemoOptions.parse("--linger", "86400")).hasMessageContaining("3600");
        assertThatThrownBy(() -> DemoOptions.parse("--out")).hasMessageContaining("missing value after --out");
        assertThatThrownBy(() -> DemoOptions.parse("--color", "red")).hasMessageContaining("unknown option --color");
    }
}
