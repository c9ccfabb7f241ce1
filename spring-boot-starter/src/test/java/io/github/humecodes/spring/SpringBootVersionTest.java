package io.github.humecodes.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

/** The tests run on the Spring Boot line the build names (the starter's own build, or the other line's module). */
class SpringBootVersionTest {

    @Test
    void theSpringBootOnTheClasspathIsTheOneTheBuildNames() {
        assertThat(System.getProperty("humecodes.spring-boot.version")).isNotBlank();
        assertThat(SpringBootVersion.getVersion()).isEqualTo(System.getProperty("humecodes.spring-boot.version"));
    }
}
