package org.phenoloc.engine.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * This process's minor page faults and CPU time (user and kernel, all threads) from Linux's {@code /proc/self/stat},
 * and its peak resident memory ({@code VmHWM} in {@code /proc/self/status}). Differences of two snapshots measure a
 * stretch of work: many more faults than resident pages mean memory is mapped afresh again and again.
 *
 * @param minorFaults   minor page faults so far (a page touched for the first time since it was mapped)
 * @param userSeconds   CPU time in user mode
 * @param systemSeconds CPU time in the kernel (page faults, mapping and unmapping memory, I/O)
 * @param peakRssBytes  peak resident memory so far (for a difference: the later snapshot's)
 */
public record ProcessStats(long minorFaults, double userSeconds, double systemSeconds, long peakRssBytes) {
    /** Linux's USER_HZ: the unit of the CPU times in /proc/PID/stat (100 on every mainstream kernel build). */
    static final double TICKS_PER_SECOND = 100.0;
    public static final long PAGE_BYTES = 4096;

    /** A snapshot now; empty where /proc is not available (not Linux). */
    public static Optional<ProcessStats> now() {
        try {
            return Optional.of(parse(Files.readString(Path.of("/proc/self/stat")),
                    Files.readString(Path.of("/proc/self/status"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** From the text of /proc/PID/stat and /proc/PID/status. */
    static ProcessStats parse(String stat, String status) {
        // the command name (field 2) is in parentheses and may contain spaces: count fields after the last ')'
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        long minflt = Long.parseLong(f[10 - 3]);
        double utime = Long.parseLong(f[14 - 3]) / TICKS_PER_SECOND;
        double stime = Long.parseLong(f[15 - 3]) / TICKS_PER_SECOND;
        long hwm = 0;
        for (String line : status.split("\n")) {
            if (line.startsWith("VmHWM:")) {
                hwm = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return new ProcessStats(minflt, utime, stime, hwm);
    }

    /** The work done since {@code earlier} (peak memory: this snapshot's). */
    public ProcessStats since(ProcessStats earlier) {
        return new ProcessStats(minorFaults - earlier.minorFaults, userSeconds - earlier.userSeconds,
                systemSeconds - earlier.systemSeconds, peakRssBytes);
    }

    public double cpuSeconds() {
        return userSeconds + systemSeconds;
    }

    /** Share of the CPU time spent in the kernel (0 when no CPU time passed). */
    public double systemShare() {
        return cpuSeconds() <= 0 ? 0 : systemSeconds / cpuSeconds();
    }

    /** Minor faults per page of peak resident memory: about 1 when every page is touched once and then reused. */
    public double faultsPerPeakPage() {
        return peakRssBytes <= 0 ? 0 : minorFaults / (double) (peakRssBytes / PAGE_BYTES);
    }
}
