package org.phenoloc.engine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.phenoloc.engine.io.AtomicFiles;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.localisation.LocaliserConfig;

/**
 * The per-image completion records of a localise run, so a run that was killed can be finished with
 * {@code --resume} instead of redone: {@value #FOLDER}/{@value #RUN} names the model (SHA-256 of its file) and the
 * settings, and {@value #FOLDER}/images/NAME.csv holds one finished image's detection rows, written atomically and
 * forced to disk after the image's pictures. A finished run assembles detections.csv and counts.csv from the records
 * in input order and removes the folder.
 */
final class PartialResults {
    static final String FOLDER = ".phenoloc-partial";
    static final String RUN = "run.properties";
    static final String[] HEADER = {"image", "class", "x", "y", "score"};

    private final Path dir;

    private PartialResults(Path dir) {
        this.dir = dir;
    }

    static boolean exists(Path out) {
        return Files.isDirectory(out.resolve(FOLDER));
    }

    /** Starts the records of a fresh run (an earlier run's folder was removed by OutputFolder). */
    static PartialResults start(Path out, Path model, LocaliserConfig config) throws IOException {
        PartialResults p = new PartialResults(out.resolve(FOLDER));
        Files.createDirectories(p.dir.resolve("images"));
        Properties run = new Properties();
        run.setProperty("model", model.toAbsolutePath().normalize().toString());
        run.setProperty("model.sha256", sha256(model));
        run.setProperty("settings", settings(config));
        AtomicFiles.write(p.dir.resolve(RUN), os -> run.store(os, "phenoloc localise: the run these records belong to"), true);
        return p;
    }

    /** The records of an interrupted run, if they were made with the same model file content and settings. */
    static PartialResults resume(Path out, Path model, LocaliserConfig config) throws IOException {
        PartialResults p = new PartialResults(out.resolve(FOLDER));
        Properties run = new Properties();
        Path runFile = p.dir.resolve(RUN);
        if (!Files.isRegularFile(runFile)) {
            throw new BadInputException(out, "cannot resume: " + FOLDER + "/" + RUN + " is missing; add --overwrite to"
                    + " start over");
        }
        try (InputStream in = Files.newInputStream(runFile)) {
            run.load(in);
        }
        String hash = sha256(model);
        if (!hash.equals(run.getProperty("model.sha256"))) {
            throw new BadInputException(model, "is not the model of the interrupted run in " + out + " (that run used "
                    + run.getProperty("model", "another file") + ", SHA-256 " + run.getProperty("model.sha256") + "; this"
                    + " file's is " + hash + "); give that model, or add --overwrite instead of --resume to start over");
        }
        String settings = settings(config);
        if (!settings.equals(run.getProperty("settings"))) {
            throw new BadInputException(out, "the interrupted run used other settings (" + run.getProperty("settings")
                    + ", now " + settings + "); give the same options, or add --overwrite instead of --resume to start over");
        }
        Files.createDirectories(p.dir.resolve("images"));
        return p;
    }

    private Path record(String image) {
        return dir.resolve("images").resolve(image + ".csv");
    }

    boolean done(String image) {
        return Files.isRegularFile(record(image));
    }

    /** Records one finished image (its detection rows, in the final CSV's form); atomic and synced. */
    void record(String image, List<String[]> detections) throws IOException {
        ResultWriter.writeCsv(record(image), HEADER, detections, true);
    }

    /** The detection rows of a finished image. */
    List<String[]> detections(String image) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(record(image), StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            for (CSVRecord rec : p) {
                rows.add(rec.values());
            }
        }
        return rows;
    }

    /** Removes the records once the final CSVs are written. */
    void finish() throws IOException {
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path q : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    static String settings(LocaliserConfig c) {
        return "stride=" + c.stride() + " thresholds=" + new TreeMap<>(c.thresholds()) + " radius=" + c.suppressionRadius()
                + " scan=" + (c.dense() ? "dense" : "naive");
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
