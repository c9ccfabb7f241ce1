package io.github.humecodes.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ContextBase;
import org.junit.jupiter.api.Test;

/** The tests run against the Logback the build asked for (CI runs them with 1.5.x and with 1.6.x). */
class LogbackVersionTest {
    @Test
    void theLogbackOnTheClasspathIsTheOneTheBuildNames() {
        String wanted = System.getProperty("humecodes.logback.version");
        assertThat(wanted).as("set by the module's surefire configuration").isNotBlank();
        assertThat(LoggerContext.class.getPackage().getImplementationVersion()).isEqualTo(wanted);
        assertThat(ContextBase.class.getPackage().getImplementationVersion()).isEqualTo(wanted);
    }
}
