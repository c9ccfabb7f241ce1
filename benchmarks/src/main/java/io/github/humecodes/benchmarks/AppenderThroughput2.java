package io.github.humecodes.benchmarks;

import org.openjdk.jmh.annotations.Threads;

/** {@link AppenderThroughput} on 2 threads. */
@Threads(2)
public class AppenderThroughput2 extends AppenderThroughput {}
