package io.github.humecodes.logback;

/** HumeEnrichingAppender timing the reports of failing children by {@link TestClock}. */
public class ClockedEnrichingAppender extends HumeEnrichingAppender {
    public ClockedEnrichingAppender() {
        super(TestClock.NOW::get);
    }
}
