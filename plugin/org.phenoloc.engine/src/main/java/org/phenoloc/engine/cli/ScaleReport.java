package org.phenoloc.engine.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.network.Backend;
import org.phenoloc.engine.report.Markdown;

/** The figures of {@code benchmark scale} and its report: measured images per hour, then the labelled extrapolation. */
final class ScaleReport {
    private final List<Path> files;
    private final double megapixels;
    private final Map<Integer, Double> byWorkers = new LinkedHashMap<>();
    private final double loadBefore = load();
    private double warmUp;
    private double sequential;

    ScaleReport(List<Path> files) {
        this.files = List.copyOf(files);
        double mp = 0;
        for (Path f : files) {
            var d = ImageFiles.size(f);
            mp += d.width * (double) d.height / 1e6;
        }
        this.megapixels = mp;
    }

    void warmUp(double seconds) {
        warmUp = seconds;
    }

    /** Keeps the fastest of the rounds. */
    void sequential(double seconds) {
        sequential = sequential == 0 ? seconds : Math.min(sequential, seconds);
    }

    void workers(int w, double seconds) {
        byWorkers.merge(w, seconds, Math::min);
    }

    private double perHour(double seconds) {
        return 3600 * files.size() / seconds;
    }

    /** The fastest measured configuration's wall seconds for the whole set. */
    double bestSeconds() {
        return byWorkers.values().stream().mapToDouble(Double::doubleValue).min().orElse(sequential);
    }

    String markdown(long experiment, int nodes, int coresPerNode, String source, String model, int rounds) {
        int cores = Runtime.getRuntime().availableProcessors();
        Markdown md = new Markdown().heading(1, "Benchmark: localisation at scale");
        md.paragraph(Markdown.f("Measured by `./phenoloc benchmark scale` on %s, %d cores, Java %s. Images: %d (%s, %.2f MP"
                + " in all, %.2f MP each on average); model: %s; stride 4, pictures written. Load average before the run:"
                + " %.2f, after: %.2f (other work on the machine slows every configuration alike only if it is steady; compare"
                + " rows of one run, not across runs). First image (warm-up: native libraries unpacked, kernels JIT-compiled):"
                + " %.2f s, not counted. Each configuration ran %d time(s), every other round in reverse order; the table shows"
                + " the fastest.", Backend.describe(), cores, System.getProperty("java.version"), files.size(),
                source, megapixels, megapixels / files.size(), model, loadBefore, load(), warmUp, rounds));
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("sequential loop (one image at a time, as before `--workers`)", sequential));
        byWorkers.forEach((w, s) -> rows.add(row("`localise --workers " + w + "`", s)));
        md.table(List.of("configuration", "wall s", "s per image", "images/hour", "vs sequential"), rows);
        extrapolate(md, experiment, nodes, coresPerNode, cores);
        md.paragraph("Apache Spark: the Spark job is not on this command's class path, so it is not timed here; its"
                + " `local[2]` timing is measured by the Spark module's test (`spark/`, see README \"Apache Spark\").");
        return md.markdown();
    }

    private List<String> row(String name, double seconds) {
        return List.of(name, Markdown.f("%.1f", seconds), Markdown.f("%.2f", seconds / files.size()),
                Markdown.f("%.0f", perHour(seconds)), Markdown.f("%.2fx", sequential / seconds));
    }

    private void extrapolate(Markdown md, long experiment, int nodes, int coresPerNode, int cores) {
        double perImage = bestSeconds() / files.size();
        double coreSecondsPerMp = perImage * cores / (megapixels / files.size());
        double clusterCores = (double) nodes * coresPerNode;
        double mpEach = megapixels / files.size();
        double coreHours = experiment * mpEach * coreSecondsPerMp / 3600;
        md.heading(2, "Extrapolation (not measured)");
        md.paragraph(Markdown.f("From the fastest configuration above: %.2f s per %.2f MP image on %d cores, i.e. %.2f"
                + " core-seconds per megapixel. Assuming the scan's work per megapixel stays the same on the cluster's cores"
                + " (same CPU generation with AVX-512 and oneDNN) and throughput grows linearly with cores (one model per"
                + " executor, images independent), an experiment of %,d images of %.2f MP needs about %,.0f core-hours: on %d"
                + " nodes of %d cores (%,.0f cores) about **%.1f hours** of wall time, %,.0f images/hour. Real cluster runs add"
                + " start-up, reading images from shared storage and stragglers; larger images scale with their megapixels"
                + " (e.g. the 4.8 MP OSR root images cost %.1fx these).", perImage, mpEach, cores, coreSecondsPerMp,
                experiment, mpEach, coreHours, nodes, coresPerNode, clusterCores, coreHours / clusterCores,
                experiment / (coreHours / clusterCores), 4.8 / mpEach));
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
