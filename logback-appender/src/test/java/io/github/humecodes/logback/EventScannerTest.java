package io.github.humecodes.logback;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.humecodes.Detection;
import io.github.humecodes.Detector;
import io.github.humecodes.HumeCode;
import org.junit.jupiter.api.Test;

/** The format-string cache of the turbo filter's scan: a hit answers as a scan would, whatever shares its slot. */
class EventScannerTest {
    private final EventScanner scanner = new EventScanner(Detector.create(), false);

    private static String primary(Detection d) {
        return d == null ? null : d.primary().code();
    }

    @Test
    void aConstantFormatIsScannedOnceAndAnsweredFromTheCache() {
        // Two codes: a scan builds a new detection each time, so the same instance means the cache answered.
        String coded = "EVI chat {}: W0105, then Error (E0705): Custom language model disconnected";
        Detection first = scanner.scanCall(coded, null, null);
        assertThat(primary(first)).isEqualTo("E0705");
        assertThat(Detector.create().scan(coded)).isNotSameAs(Detector.create().scan(coded));
        assertThat(scanner.scanCall(coded, null, null)).isSameAs(first);
        // Parameters still count, on top of the cached format.
        Detection withParam = scanner.scanCall(coded, new Object[] {"then hume(E0300)"}, null);
        assertThat(withParam.codes()).extracting(HumeCode::code).containsExactly("W0105", "E0705", "E0300");
        assertThat(scanner.scanCall(coded, null, null)).isSameAs(first);
    }

    @Test
    void formatsSharingASlotAreToldApartByIdentity() {
        // Same length, same middle character: the same slot.
        String coded = "call failed: E0300 now";
        String plain = "call failed: x0300 now";
        assertThat(coded.length()).isEqualTo(plain.length());
        assertThat(coded.charAt(coded.length() >> 1)).isEqualTo(plain.charAt(plain.length() >> 1));
        for (int i = 0; i < 3; i++) {
            assertThat(primary(scanner.scanCall(coded, null, null))).isEqualTo("E0300");
            assertThat(scanner.scanCall(plain, null, null)).isNull();
            // An equal String that is another instance is scanned, not taken for the cached one.
            assertThat(primary(scanner.scanCall(new String(coded), null, null))).isEqualTo("E0300");
        }
    }

    @Test
    void longFormatsAreScannedEveryTime() {
        String longCoded = "x".repeat(EventScanner.FORMAT_MAX_CHARS) + " E0300";
        Detection first = scanner.scanCall(longCoded, null, null);
        assertThat(primary(first)).isEqualTo("E0300");
        assertThat(primary(scanner.scanCall(longCoded, null, null))).isEqualTo("E0300");
    }
}
