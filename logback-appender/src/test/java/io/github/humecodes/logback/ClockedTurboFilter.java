package io.github.humecodes.logback;

/** HumeTurboFilter timing its flood control windows by {@link TestClock}. */
public class ClockedTurboFilter extends HumeTurboFilter {
    public ClockedTurboFilter() {
        super(TestClock.NOW::get);
    }
}
