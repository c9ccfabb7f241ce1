package io.github.humecodes.otel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.humecodes.Catalog;
import io.github.humecodes.HumeCode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks of the {@code hume.*} attributes against the catalog, shared by the hardening tests. */
final class HumeAssertions {
    static final Catalog CATALOG = Catalog.builtIn();
    /** What a validated code looks like: nothing else may reach {@code hume.code} or {@code hume.codes}. */
    static final Pattern CODE_SHAPE = Pattern.compile("[EWI][0-9]{4}|[0-9]{4}");

    private HumeAssertions() {}

    /** The attributes whose name starts with {@code hume.}, whatever their type. */
    static Map<AttributeKey<?>, Object> humeAttributes(Attributes attributes) {
        Map<AttributeKey<?>, Object> out = new java.util.LinkedHashMap<>();
        attributes.forEach((k, v) -> {
            if (k.getKey().startsWith("hume.")) {
                out.put(k, v);
            }
        });
        return out;
    }

    /**
     * {@code attributes} carry exactly the five fields of {@code code} as the catalog has them, plus
     * {@code hume.codes} equal to {@code codes} when more than one code is expected.
     */
    static void assertEnriched(Attributes attributes, String code, String... codes) {
        HumeCode entry = CATALOG.lookup(code);
        assertThat(entry).as("test data: %s is a code", code).isNotNull();
        assertThat(attributes.get(HumeAttributes.CODE)).isEqualTo(code);
        assertThat(attributes.get(HumeAttributes.CATEGORY)).isEqualTo(entry.category());
        assertThat(attributes.get(HumeAttributes.SEVERITY))
                .isEqualTo(entry.severity().id());
        assertThat(attributes.get(HumeAttributes.DESCRIPTION)).isEqualTo(entry.description());
        assertThat(attributes.get(HumeAttributes.RETRYABLE)).isEqualTo(entry.retryable());
        if (codes.length > 1) {
            assertThat(attributes.get(HumeAttributes.CODES)).containsExactly(codes);
            assertThat(humeAttributes(attributes)).hasSize(6);
        } else {
            assertThat(humeAttributes(attributes)).hasSize(5);
        }
    }

    static void assertNotEnriched(Attributes attributes) {
        assertThat(humeAttributes(attributes)).isEmpty();
    }

    /**
     * Every {@code hume.*} string the processor could have written is a validated code or a catalog value: no
     * text of the span or record reached them.
     */
    static void assertOnlyCatalogValues(Attributes attributes) {
        String code = attributes.get(HumeAttributes.CODE);
        if (code == null) {
            return;
        }
        assertThat(code).matches(CODE_SHAPE);
        HumeCode entry = CATALOG.lookup(code);
        assertThat(entry).isNotNull();
        List<String> catalogValues = new ArrayList<>();
        for (HumeCode c : CATALOG.codes()) {
            catalogValues.add(c.category());
            catalogValues.add(c.description());
        }
        catalogValues.add(entry.category());
        catalogValues.add(entry.description());
        String category = attributes.get(HumeAttributes.CATEGORY);
        if (category != null) {
            assertThat(category).isIn(catalogValues);
        }
        String description = attributes.get(HumeAttributes.DESCRIPTION);
        if (description != null) {
            assertThat(description).isIn(catalogValues).doesNotContain("\n").doesNotContain("\r");
        }
        String severity = attributes.get(HumeAttributes.SEVERITY);
        if (severity != null) {
            assertThat(severity).isIn("critical", "error", "warning", "info");
        }
        List<String> codes = attributes.get(HumeAttributes.CODES);
        if (codes != null) {
            assertThat(codes).allSatisfy(c -> assertThat(c).matches(CODE_SHAPE));
        }
    }
}
