package io.github.humecodes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.humecodes.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's category table is the built-in catalog, code by code. */
class ReadmeCatalogTest {
    static final String START = "<!-- catalog:start -->\n";
    static final String END = "<!-- catalog:end -->";

    @Test
    void readmeTableIsTheCatalog() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        int from = readme.indexOf(START);
        int to = readme.indexOf(END);
        assertThat(from).as("README.md has the marker " + START.trim()).isNotNegative();
        assertThat(to).as("README.md has the marker " + END).isGreaterThan(from);
        assertThat(readme.substring(from + START.length(), to))
                .as("README.md's category table is out of date: replace the lines between the markers with the"
                        + " output of: java -jar cli/target/humecodes-cli-*.jar catalog --format markdown")
                .isEqualTo(CatalogCommand.markdown(Catalog.builtIn()));
    }
}
