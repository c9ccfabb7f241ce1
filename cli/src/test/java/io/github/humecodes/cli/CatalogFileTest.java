package io.github.humecodes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.humecodes.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** CATALOG.md's table is the built-in catalog, code by code; it and the README explain every category. */
class CatalogFileTest {
    static final String START = "<!-- catalog:start -->\n";
    static final String END = "<!-- catalog:end -->";

    @Test
    void catalogFileIsTheBuiltInCatalog() throws Exception {
        String file = Files.readString(Path.of("../CATALOG.md"));
        int from = file.indexOf(START);
        int to = file.indexOf(END);
        assertThat(from).as("CATALOG.md has the marker " + START.trim()).isNotNegative();
        assertThat(to).as("CATALOG.md has the marker " + END).isGreaterThan(from);
        assertThat(file.substring(from + START.length(), to))
                .as("CATALOG.md is out of date: replace the lines between the markers with the output of:"
                        + " java -jar cli/target/humecodes-cli-*.jar catalog --format markdown")
                .isEqualTo(CatalogCommand.markdown(Catalog.builtIn()));
    }

    @Test
    void everyCategoryOfTheCatalogIsExplainedHereAndInTheReadme() throws Exception {
        for (String name : new String[] {"../CATALOG.md", "../README.md"}) {
            String file = Files.readString(Path.of(name));
            for (String category : CatalogCommand.CATEGORY_ORDER) {
                assertThat(file).as(name + ": " + category).contains("| `" + category + "` |");
            }
            assertThat(file).as(name).contains("| `unknown` |");
        }
    }
}
