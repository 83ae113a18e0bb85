package org.phenoloc.engine.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.AtomicFiles;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.localisation.LocalisationResult;
import org.phenoloc.engine.localisation.Localiser;
import org.phenoloc.engine.localisation.LocaliserConfig;
import org.phenoloc.engine.localisation.LocaliserPool;
import org.phenoloc.engine.localisation.Workers;
import org.phenoloc.engine.model.ModelFiles;
import org.phenoloc.engine.model.PhenolocModel;
import org.phenoloc.engine.synthetic.RootSystemConfig;
import org.phenoloc.engine.synthetic.RootSystemGenerator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "scale", mixinStandardHelpOptions = true,
        description = {"Images per hour of `localise` with 1..N workers against the sequential loop, in one run on this",
            "machine, and what an experiment of --experiment images would cost on a cluster (an extrapolation from the",
            "measured time per image); writes OUT/scale.md."})
final class ScaleBenchmarkCommand implements Callable<Integer> {
    @Option(names = "--images", description = "a folder of images (default: --count generated 1024x1024 root images)")
    Path images;

    @Option(names = "--count", description = "generated images when --images is not given (default ${DEFAULT-VALUE})")
    int count = 8;

    @Option(names = "--model", description = "model file (default: an untrained root net at the default width 0.5; the"
            + " scan's cost does not depend on the weights)")
    Path model;

    @Option(names = "--workers", split = ",", description = "worker counts to time (default 1..max(2, cores))")
    List<Integer> workers;

    @Option(names = "--rounds", description = "rounds of all configurations, every other one in reverse order; the"
            + " fastest round of each counts (default ${DEFAULT-VALUE})")
    int rounds = 2;

    @Option(names = "--out", description = "report folder (default ${DEFAULT-VALUE})")
    Path out = Path.of("docs/results");

    @Option(names = "--experiment", description = "images of the experiment to extrapolate to (default ${DEFAULT-VALUE})")
    long experiment = 100_000;

    @Option(names = "--cluster-nodes", description = "nodes of the cluster to extrapolate to (default ${DEFAULT-VALUE})")
    int nodes = 10;

    @Option(names = "--cores-per-node", description = "cores per cluster node (default ${DEFAULT-VALUE})")
    int coresPerNode = 16;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || rounds < 1 || experiment < 1 || nodes < 1 || coresPerNode < 1) {
            throw new BadInputException("--count, --rounds, --experiment, --cluster-nodes and --cores-per-node must be >= 1");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        List<Integer> counts = workers != null ? workers : range(Math.max(2, cores));
        counts.forEach(Workers::resolve);
        org.phenoloc.engine.io.OutputChecks.checkFolder(out);
        Path scratch = Files.createTempDirectory("phenoloc-scale-");
        try {
            Path imageDir = images != null ? images : generate(scratch.resolve("images"));
            List<Path> files = ImageFiles.listImages(imageDir);
            if (files.isEmpty()) {
                throw new BadInputException(imageDir, "no images (" + ImageFiles.extensionList() + ") in this folder");
            }
            Path modelFile = model != null ? model : untrainedModel(scratch.resolve("untrained.phenoloc"));
            PhenolocModel m = ModelFiles.load(modelFile);
            ScaleReport report = measure(m, modelFile, files, counts, scratch);
            String md = report.markdown(experiment, nodes, coresPerNode, images == null ? "generated" : imageDir.toString(),
                    model == null ? "an untrained root net at width 0.5 (the scan's cost does not depend on the weights)"
                            : modelFile.getFileName().toString(), rounds);
            AtomicFiles.writeString(out.resolve("scale.md"), md);
            System.out.println("wrote " + out.resolve("scale.md"));
            return 0;
        } finally {
            deleteTree(scratch);
        }
    }

    private static void deleteTree(Path dir) {
        try (var tree = Files.walk(dir)) {
            for (Path p : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (java.io.IOException e) {
            System.err.println("warning: could not remove the scratch folder " + dir + ": " + e.getMessage());
        }
    }

    static List<Integer> range(int n) {
        List<Integer> r = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            r.add(i);
        }
        return r;
    }

    private Path generate(Path dir) throws Exception {
        System.out.println("generating " + count + " root images of 1024x1024 in " + dir);
        RootSystemGenerator.writeDataset(dir, count, new RootSystemConfig(1024, 1024, 3, 5, 0.8, 0.3, 11));
        return dir;
    }

    static Path untrainedModel(Path file) throws Exception {
        return BenchModels.untrained(file);
    }

    private ScaleReport measure(PhenolocModel m, Path modelFile, List<Path> files, List<Integer> counts, Path scratch)
            throws Exception {
        LocaliserConfig config = LocaliserConfig.defaults();
        ScaleReport report = new ScaleReport(files);
        try (Localiser warm = new Localiser(m, config)) {
            long t = System.nanoTime();
            warm.localise(files.get(0), Progress.NONE);
            report.warmUp((System.nanoTime() - t) / 1e9);
        }
        for (int round = 0; round < rounds; round++) {
            List<Integer> order = new ArrayList<>(counts);
            order.add(0, 0); // 0: the sequential loop
            if (round % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (int w : order) {
                Path dir = scratch.resolve("round" + round + "-workers-" + w);
                if (w == 0) {
                    System.out.println("round " + (round + 1) + ": sequential loop (decode, scan, write; one image at a time)");
                    report.sequential(sequential(m, config, files, dir));
                } else {
                    System.out.println("round " + (round + 1) + ": localise --workers " + w);
                    report.workers(w, parallel(m, modelFile, config, files, dir, w));
                }
            }
        }
        return report;
    }

    private static double parallel(PhenolocModel m, Path modelFile, LocaliserConfig config, List<Path> files, Path dir,
            int w) throws Exception {
        Files.createDirectories(dir);
        PrintStream console = System.out;
        System.setOut(new PrintStream(java.io.OutputStream.nullOutputStream())); // the per-image lines
        try (OutputFolder folder = OutputFolder.prepare(dir, OutputFolder.Outputs.LOCALISE, false, List.of());
                LocaliserPool pool = new LocaliserPool(m, config, w)) {
            long t = System.nanoTime();
            new LocaliseRun(new LocaliseRun.Settings(dir, files, m.metadata().featureClasses(), true, false, false, w),
                    pool, PartialResults.start(dir, modelFile, config)).run(false);
            return (System.nanoTime() - t) / 1e9;
        } finally {
            System.setOut(console);
        }
    }

    /** The pre-issue-11 loop: decode, scan, write pictures, one image after the other; CSVs at the end. */
    private static double sequential(PhenolocModel m, LocaliserConfig config, List<Path> files, Path dir) throws Exception {
        Files.createDirectories(dir);
        ResultWriter writer = new ResultWriter(dir, m.metadata().featureClasses(), files.stream()
                .map(f -> f.getFileName().toString()).toList());
        long t = System.nanoTime();
        try (Localiser l = new Localiser(m, config)) {
            for (Path f : files) {
                var img = ImageFiles.readRgb(f);
                LocalisationResult r = l.localise(img, f.getFileName().toString(), Progress.NONE);
                writer.add(r);
                writer.writePictures(img, r, null);
            }
            writer.finish();
        }
        return (System.nanoTime() - t) / 1e9;
    }
}
