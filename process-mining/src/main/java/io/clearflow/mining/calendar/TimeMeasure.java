package io.clearflow.mining.calendar;

/** How a duration between two instants (epoch ms) is measured: on the wall clock, or in working time. */
@FunctionalInterface
public interface TimeMeasure {

    /** Plain elapsed time, what every figure used before calendars existed. */
    TimeMeasure WALL_CLOCK = (from, to) -> to - from;

    /** Milliseconds between the two instants; negative when {@code to} is before {@code from}. */
    long between(long from, long to);
}
