package io.github.humecodes.benchmarks;

import org.openjdk.jmh.annotations.Threads;

/** {@link AppenderThroughput} on 8 threads. */
@Threads(8)
public class AppenderThroughput8 extends AppenderThroughput {}
