package io.github.humecodes.benchmarks;

import org.openjdk.jmh.annotations.Threads;

/** {@link AppenderThroughput} on 1 thread. */
@Threads(1)
public class AppenderThroughput1 extends AppenderThroughput {}
