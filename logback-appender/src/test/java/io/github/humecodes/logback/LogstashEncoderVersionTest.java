package io.github.humecodes.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;

/**
 * The tests run against the logstash-logback-encoder the build asked for: 9.x by default, 8.x with
 * {@code -Dlle.line=8}, with the same compiled classes.
 */
class LogstashEncoderVersionTest {
    private static final String POM = "META-INF/maven/net.logstash.logback/logstash-logback-encoder/pom.properties";

    @Test
    void theEncoderOnTheClasspathIsTheOneTheBuildNamesAndTheOnlyOne() throws Exception {
        String wanted = System.getProperty("humecodes.lle.version");
        assertThat(wanted).as("set by the module's surefire configuration").isNotBlank();
        List<URL> found =
                Collections.list(LogstashEncoder.class.getClassLoader().getResources(POM));
        assertThat(found).as("logstash-logback-encoder jars").hasSize(1);
        Properties pom = new Properties();
        try (InputStream in = found.get(0).openStream()) {
            pom.load(in);
        }
        assertThat(pom.getProperty("version")).isEqualTo(wanted);
    }

    @Test
    void onTheJackson3LineJackson2IsNotThere() throws Exception {
        String version = System.getProperty("humecodes.lle.version");
        if (version.startsWith("9.")) {
            // The provider is compiled against Jackson 2 as well; it must not need it at run time.
            assertThatThrownBy(() -> Class.forName(JsonFieldsWriter.JACKSON_2_GENERATOR))
                    .isInstanceOf(ClassNotFoundException.class);
        } else {
            assertThat(version).startsWith("8.");
            assertThat(Class.forName(JsonFieldsWriter.JACKSON_2_GENERATOR)).isNotNull();
        }
    }
}
