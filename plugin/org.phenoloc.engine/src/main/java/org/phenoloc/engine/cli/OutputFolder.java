package org.phenoloc.engine.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.phenoloc.engine.io.AtomicFiles;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.io.OutputChecks;

/**
 * A command's output folder, prepared before any long work: never one of the input folders, writable, locked
 * against a second run ({@link OutputLock}), and free of an earlier run's outputs. The rule for re-runs: a folder
 * that holds files of the command's own output names is refused unless {@code --overwrite} is given, which deletes
 * exactly those files (other files are left alone) so no stale result stays beside new ones.
 */
final class OutputFolder implements AutoCloseable {
    /** The names a command writes into its output folder (globs; a trailing '/' marks a folder it creates). */
    record Outputs(List<String> names, String journal) {
        /** localise's per-image records (.phenoloc-partial/) make an interrupted run resumable. */
        static final Outputs LOCALISE = new Outputs(List.of("detections.csv", "counts.csv", "skipped.csv",
                "*_heatmap.png", "*_overlay.png", PartialResults.FOLDER + "/"), PartialResults.FOLDER);

        Outputs(List<String> names) {
            this(names, null);
        }
        static final Outputs CLASSIFY = new Outputs(List.of("patch-predictions.csv", "patch-report.md"));
        static final Outputs EVALUATE = new Outputs(List.of("report.md", "report.html", "detections.csv",
                "counts.csv", "tips.csv", "*_heatmap.png", "*_overlay.png", "*_overlay_detail.png", "precision-recall-*.png"));
        static final Outputs DEMO = new Outputs(List.of("report.md", "report.html", "*.phenoloc", "data/", "results/"));

        boolean matches(Path entry) {
            String name = entry.getFileName().toString();
            for (String n : names) {
                boolean folder = n.endsWith("/");
                PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + (folder ? n.substring(0, n.length() - 1) : n));
                if (m.matches(Path.of(name)) && (folder ? Files.isDirectory(entry) : Files.isRegularFile(entry))) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Path dir;
    private final OutputLock lock;

    private OutputFolder(Path dir, OutputLock lock) {
        this.dir = dir;
        this.lock = lock;
    }

    /**
     * @param inputs the folders (or files) the command reads; the output folder must not be one of them
     * @throws BadInputException if the folder is an input folder, cannot be written, is in use by another run, or
     *                           holds earlier outputs and {@code overwrite} is false
     */
    static OutputFolder prepare(Path dir, Outputs outputs, boolean overwrite, List<Path> inputs) {
        refuseInputFolder(dir, inputs);
        OutputChecks.checkFolder(dir);
        OutputLock lock = OutputLock.acquire(dir);
        try {
            List<Path> earlier = earlierOutputs(dir, outputs);
            if (!earlier.isEmpty() && !overwrite) {
                boolean unfinished = outputs.journal() != null && Files.isDirectory(dir.resolve(outputs.journal()));
                throw new BadInputException(dir, unfinished
                        ? "holds an unfinished earlier run (" + outputs.journal() + "); add --resume to finish it,"
                                + " --overwrite to start over, or choose another folder"
                        : "holds the outputs of an earlier run (" + describe(earlier)
                                + "); add --overwrite to replace them, or choose another folder");
            }
            for (Path p : earlier) {
                delete(p);
            }
            if (!earlier.isEmpty()) {
                System.out.println("--overwrite: removed " + earlier.size() + " earlier output(s) from " + dir);
            }
            return new OutputFolder(dir, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Prepares the folder of a run that finishes an interrupted one: its earlier outputs stay (the finished images'
     * pictures and records); a folder without the interrupted run's records but with other outputs is refused.
     */
    static OutputFolder resume(Path dir, Outputs outputs, List<Path> inputs) {
        refuseInputFolder(dir, inputs);
        OutputChecks.checkFolder(dir);
        OutputLock lock = OutputLock.acquire(dir);
        List<Path> earlier = earlierOutputs(dir, outputs);
        if (!earlier.isEmpty() && !Files.isDirectory(dir.resolve(outputs.journal()))) {
            lock.close();
            throw new BadInputException(dir, "nothing to resume: it holds no unfinished run's records ("
                    + outputs.journal() + ") but the outputs of a finished one (" + describe(earlier) + "); add --overwrite"
                    + " instead of --resume to redo it, or choose another folder");
        }
        return new OutputFolder(dir, lock);
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() {
        lock.close();
    }

    /** The output must not be a folder we read, or we would read our own heat maps and overlays next time. */
    private static void refuseInputFolder(Path dir, List<Path> inputs) {
        Path out = canonical(dir);
        for (Path input : inputs) {
            if (!Files.isDirectory(input)) {
                continue;
            }
            Path in = canonical(input);
            // the annotation loaders also read the input's images/ and annotations/ subfolders
            for (Path read : List.of(in, in.resolve("images"), in.resolve("annotations"))) {
                if (out.equals(read)) {
                    throw new BadInputException(dir, "is an input folder (" + input + "); write the results elsewhere,"
                            + " e.g. " + input.resolve("results") + ", so that no later run reads them as input");
                }
            }
        }
    }

    private static Path canonical(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static List<Path> earlierOutputs(Path dir, Outputs outputs) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(outputs::matches).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(dir, "cannot list the output folder: " + AtomicFiles.reason(e), e);
        }
    }

    private static String describe(List<Path> files) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < Math.min(3, files.size()); i++) {
            names.add(files.get(i).getFileName().toString());
        }
        return String.join(", ", names) + (files.size() > 3 ? " and " + (files.size() - 3) + " more" : "");
    }

    private static void delete(Path p) {
        try (Stream<Path> tree = Files.walk(p)) {
            for (Path q : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        } catch (IOException e) {
            throw new BadInputException(p, "cannot remove this earlier output: " + AtomicFiles.reason(e), e);
        }
    }
}
