package org.phenoloc.engine.report;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.phenoloc.engine.evaluation.Statistics;
import org.phenoloc.engine.localisation.LocalisationResult;

/**
 * Where a localisation run's time goes, image by image: start-up (JVM, model, native libraries: everything before the
 * first image), then per image decoding, scanning, peak finding (with any image scaling) and pictures, plus the
 * image's minor page faults and kernel share of CPU time ({@link ProcessStats}, Linux only). Call
 * {@link #beginImage()}, {@link #decoded()}, {@link #localised(LocalisationResult)} and {@link #endImage()} around
 * each image; used by {@code localise --verbose} and the benchmark.
 */
public final class RunProfile {
    /**
     * One image's split. Seconds are wall-clock; {@code peaks} is the localiser's time outside the scan.
     *
     * @param stats the image's process figures (page faults, CPU), absent where /proc is not available
     */
    public record ImageProfile(String image, double megapixels, double decode, double scan, double peaks,
            double pictures, Optional<ProcessStats> stats) {
        public double total() {
            return decode + scan + peaks + pictures;
        }
    }

    private final double startup;
    private final long created = System.nanoTime();
    private final List<ImageProfile> images = new ArrayList<>();
    private long mark;
    private Optional<ProcessStats> before = Optional.empty();
    private double decode;
    private double localise;
    private LocalisationResult result;

    private RunProfile(double startup) {
        this.startup = startup;
    }

    /** Starts profiling now; start-up is the time since the JVM started (a command that only localises). */
    public static RunProfile start() {
        return new RunProfile(ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
    }

    /**
     * Starts profiling now with a start-up measured by the caller (a run inside a longer command, e.g. the
     * benchmark, whose JVM uptime includes training: there start-up is the localiser's set-up alone).
     */
    public static RunProfile afterSetUp(double setUpSeconds) {
        return new RunProfile(setUpSeconds);
    }

    public void beginImage() {
        before = ProcessStats.now();
        mark = System.nanoTime();
    }

    public void decoded() {
        decode = lap();
    }

    public void localised(LocalisationResult r) {
        localise = lap();
        result = r;
    }

    /** Ends the image (its pictures are what happened since {@link #localised}) and returns its profile. */
    public ImageProfile endImage() {
        double pictures = lap();
        Optional<ProcessStats> stats = before.flatMap(b -> ProcessStats.now().map(a -> a.since(b)));
        double mp = result.width() * (double) result.height() / 1e6;
        ImageProfile p = new ImageProfile(result.image(), mp, decode, result.seconds(),
                Math.max(0, localise - result.seconds()), pictures, stats);
        images.add(p);
        return p;
    }

    /**
     * Adds an image measured elsewhere (by a worker of a concurrent run; thread safe). Process figures are whole-
     * process counters, so they belong to one image only when one image runs at a time.
     */
    public synchronized ImageProfile add(LocalisationResult r, double decode, double localise, double pictures,
            Optional<ProcessStats> stats) {
        double mp = r.width() * (double) r.height() / 1e6;
        ImageProfile p = new ImageProfile(r.image(), mp, decode, r.seconds(), Math.max(0, localise - r.seconds()),
                pictures, stats);
        images.add(p);
        return p;
    }

    private double lap() {
        long now = System.nanoTime();
        double s = (now - mark) / 1e9;
        mark = now;
        return s;
    }

    public double startupSeconds() {
        return startup;
    }

    public synchronized List<ImageProfile> images() {
        return List.copyOf(images);
    }

    /**
     * Start-up and every image's parts added up, over the summed scan time: the cost if nothing overlapped (a
     * sequential run, as the benchmark's). A pipelined run overlaps decoding and pictures with scans: see
     * {@link #elapsedOverScan()}.
     */
    public double totalOverScan() {
        return (startup + images.stream().mapToDouble(ImageProfile::total).sum()) / summedScanSeconds();
    }

    /** Seconds from the start of the command (start-up included) to now. */
    public double elapsedSeconds() {
        return startup + (System.nanoTime() - created) / 1e9;
    }

    /** The command's elapsed time so far ({@link #elapsedSeconds()}) over the summed scan time. */
    public double elapsedOverScan() {
        return elapsedSeconds() / summedScanSeconds();
    }

    private synchronized double summedScanSeconds() {
        return images.stream().mapToDouble(ImageProfile::scan).sum();
    }

    /** The median image's scan seconds per megapixel. */
    public double medianScanSecondsPerMegapixel() {
        return Statistics.upperMedian(images.stream().mapToDouble(p -> p.scan() / p.megapixels()).toArray());
    }

    /** One line for a console: the image's split and its page faults and kernel share. */
    public static String line(ImageProfile p) {
        String proc = p.stats().map(s -> Markdown.f("; %d minor page faults, kernel %.0f%% of %.1f s CPU",
                s.minorFaults(), 100 * s.systemShare(), s.cpuSeconds())).orElse("");
        return Markdown.f("  %s: %.1f MP, decode %.2f s, scan %.2f s (%.2f s/MP), peaks %.2f s, pictures %.2f s%s",
                p.image(), p.megapixels(), p.decode(), p.scan(), p.scan() / p.megapixels(), p.peaks(), p.pictures(), proc);
    }

    /** The run's summary line: start-up, and the whole command (elapsed, and its parts added up) relative to the scans. */
    public String summary() {
        double elapsed = elapsedSeconds();
        return Markdown.f("  start-up %.2f s; whole command %.1f s so far, %.2fx the summed scan time (%.2fx adding up "
                + "each image's decode, scan, peaks and pictures as if nothing overlapped)", startup, elapsed,
                elapsed / summedScanSeconds(), totalOverScan());
    }

    /** Table rows: one per image, then the medians. */
    List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (ImageProfile p : images) {
            rows.add(row(p.image(), p.megapixels(), p.decode(), p.scan(), p.peaks(), p.pictures(), p.stats()));
        }
        return rows;
    }

    private static List<String> row(String name, double mp, double decode, double scan, double peaks, double pictures,
            Optional<ProcessStats> s) {
        return List.of(name, Markdown.f("%.1f", mp), Markdown.f("%.2f", decode), Markdown.f("%.2f", scan),
                Markdown.f("%.2f", scan / mp), Markdown.f("%.2f", peaks), Markdown.f("%.2f", pictures),
                s.map(x -> Long.toString(x.minorFaults())).orElse("n/a"),
                s.map(x -> Markdown.f("%.2f", x.faultsPerPeakPage())).orElse("n/a"),
                s.map(x -> Markdown.f("%.1f%%", 100 * x.systemShare())).orElse("n/a"));
    }
}
