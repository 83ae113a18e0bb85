package org.phenoloc.engine.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.localisation.LocalisationResult;
import org.phenoloc.engine.localisation.Localiser;
import org.phenoloc.engine.localisation.LocaliserPool;
import org.phenoloc.engine.localisation.OrderedPipeline;
import org.phenoloc.engine.report.ProcessStats;
import org.phenoloc.engine.report.RunProfile;

/**
 * One localise run over a list of images: decode ahead, scan on the pool's workers, write each image's pictures and
 * completion record as it finishes, then assemble detections.csv and counts.csv from the records in input order (so
 * they are byte for byte those of a sequential run) and remove the records. Images recorded by an interrupted run
 * are not scanned again.
 */
final class LocaliseRun {
    /** What the run writes and how. */
    record Settings(Path out, List<Path> files, List<String> classes, boolean pictures, boolean keepGoing,
            boolean verbose, int workers) {
        Settings {
            files = List.copyOf(files);
            classes = List.copyOf(classes);
        }
    }

    private record Decoded(BufferedImage image, double seconds) {}

    private final Settings s;
    private final LocaliserPool pool;
    private final PartialResults records;
    private final ResultWriter writer;
    private final RunProfile profile = RunProfile.start();
    private final AtomicInteger finished = new AtomicInteger();
    /** Input indices of the greyscale images a colour model scanned (see {@link Localiser#greyForColourModel}). */
    private final ConcurrentSkipListSet<Integer> grey = new ConcurrentSkipListSet<>();

    LocaliseRun(Settings s, LocaliserPool pool, PartialResults records) {
        this.s = s;
        this.pool = pool;
        this.records = records;
        this.writer = new ResultWriter(s.out(), s.classes(), s.files().stream().map(LocaliseRun::name).toList());
    }

    private static String name(Path f) {
        return f.getFileName().toString();
    }

    /** @return the exit code: 0, or 3 when images were skipped (--keep-going) */
    int run(boolean resuming) throws Exception {
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < s.files().size(); i++) {
            if (!records.done(name(s.files().get(i)))) {
                todo.add(i);
            }
        }
        int done = s.files().size() - todo.size();
        finished.set(done);
        System.out.println("localising " + s.files().size() + " image(s) into " + s.out() + " with " + s.workers()
                + " worker(s)" + (resuming ? " (resuming: " + done + " already done)" : ""));
        List<String[]> skipped = new ArrayList<>();
        long t0 = System.nanoTime();
        OrderedPipeline<Decoded, LocalisationResult> pipeline = new OrderedPipeline<>(s.workers());
        Progress progress = new Progress() {
            @Override
            public boolean isCancelled() {
                return Cancellation.cancelled() || pipeline.stopped();
            }
        };
        pipeline.run(todo.size(), stages(todo, progress), outcome -> {
            Path f = s.files().get(todo.get(outcome.index()));
            if (outcome.failed()) {
                skip(f, outcome.error(), skipped);
            } else {
                LocalisationResult r = outcome.result();
                System.out.printf(Locale.ROOT, "[%d/%d] %s: %s in %.2fs%n", todo.get(outcome.index()) + 1,
                        s.files().size(), f.getFileName(), ResultWriter.countsText(r, s.classes()), r.seconds());
            }
        });
        double wall = (System.nanoTime() - t0) / 1e9;
        if (!grey.isEmpty()) {
            System.err.println("warning: " + Localiser.greyImagesWarning(
                    grey.stream().map(i -> name(s.files().get(i))).toList(), todo.size()));
        }
        if (s.verbose()) {
            System.out.println(profile.summary());
            System.out.printf(Locale.ROOT, "  %d image(s) scanned in %.1f s with %d worker(s): %.0f images/hour%n",
                    todo.size() - skipped.size(), wall, s.workers(), 3600 * (todo.size() - skipped.size()) / wall);
        }
        return finish(skipped);
    }

    private OrderedPipeline.Stages<Decoded, LocalisationResult> stages(List<Integer> todo, Progress progress) {
        return new OrderedPipeline.Stages<>() {
            @Override
            public Decoded load(int k) {
                progress.checkCancelled();
                long t = System.nanoTime();
                BufferedImage img = ImageFiles.readRgb(s.files().get(todo.get(k)));
                return new Decoded(img, (System.nanoTime() - t) / 1e9);
            }

            @Override
            public LocalisationResult process(int k, Decoded d) throws Exception {
                return scanAndWrite(todo.get(k), d, progress);
            }
        };
    }

    private LocalisationResult scanAndWrite(int i, Decoded d, Progress progress) throws Exception {
        Path f = s.files().get(i);
        Optional<ProcessStats> before = s.workers() == 1 ? ProcessStats.now() : Optional.empty();
        long t = System.nanoTime();
        Localiser localiser = pool.borrow();
        LocalisationResult r;
        try {
            if (localiser.greyForColourModel(d.image())) {
                grey.add(i);
            }
            r = localiser.localise(d.image(), name(f), new BandProgress(progress, i, s.files().size(), f));
        } finally {
            pool.giveBack(localiser);
        }
        double localise = (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        if (s.pictures()) {
            writer.writePictures(d.image(), r, null);
        }
        records.record(name(f), ResultWriter.detectionRows(r));
        int n = finished.incrementAndGet();
        Cancellation.kept("the results of " + n + " of " + s.files().size() + " images in " + s.out() + " (detections.csv"
                + " and counts.csv are written by a finished run: add --resume to finish this one)");
        RunProfile.ImageProfile p = profile.add(r, d.seconds(), localise, (System.nanoTime() - t) / 1e9,
                before.flatMap(b -> ProcessStats.now().map(a -> a.since(b))));
        if (s.verbose()) {
            System.out.println(RunProfile.line(p));
        }
        return r;
    }

    private void skip(Path f, Throwable error, List<String[]> skipped) throws Exception {
        if (error instanceof BadInputException e) {
            BadInputException named = CommandChecks.naming(e, f);
            if (!s.keepGoing()) {
                throw named;
            }
            System.err.println("skipped: " + named.getMessage());
            skipped.add(new String[] {name(f), named.getMessage()});
            return;
        }
        if (error instanceof Exception e) {
            throw e;
        }
        throw (Error) error;
    }

    private int finish(List<String[]> skipped) throws IOException {
        for (Path f : s.files()) {
            if (records.done(name(f))) {
                writer.add(name(f), records.detections(name(f)));
            }
        }
        writer.finish();
        if (!skipped.isEmpty()) {
            ResultWriter.writeCsv(s.out().resolve("skipped.csv"), new String[] {"image", "problem"}, skipped);
        }
        records.finish();
        System.out.println("wrote " + s.out().resolve("detections.csv") + " and " + s.out().resolve("counts.csv"));
        return skipped.isEmpty() ? 0 : 3;
    }
}
