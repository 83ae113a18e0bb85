package org.phenoloc.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phenoloc.engine.io.AtomicFiles;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.model.ModelFiles;
import org.phenoloc.engine.synthetic.RootSystemConfig;
import org.phenoloc.engine.synthetic.RootSystemGenerator;
import org.phenoloc.engine.synthetic.ShootConfig;
import org.phenoloc.engine.synthetic.ShootGenerator;

/**
 * Never lose a user's work (issue 10): file-system faults, output collisions, misleading figures and cancellation
 * through the command line, in process, on tiny generated images and one 1-epoch narrow model.
 */
class ReliabilityTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path model;
    static Run trainOutput;

    /** What a command printed and returned. */
    record Run(int rc, String out, String err) {
        Run expect(int code) {
            assertEquals(code, rc, "stdout:\n" + out + "\nstderr:\n" + err);
            return this;
        }

        Run says(String text) {
            assertTrue(err.contains(text) || out.contains(text), "expected '" + text + "' in:\n" + out + "\n" + err);
            return this;
        }
    }

    @BeforeAll
    static void trainTinyModel() throws Exception {
        data = dir.resolve("data");
        RootSystemGenerator.writeDataset(data, 3, new RootSystemConfig(256, 320, 2, 3, 0.5, 0.2, 5));
        model = dir.resolve("m.phenoloc");
        // nothing held out (5. misleading figures): the summary must not print a held-out accuracy
        trainOutput = run("train", "--data", data.toString(), "--model", model.toString(), "--epochs", "1",
                "--width-scale", "0.125", "--batch", "16", "--crops-per-epoch", "32", "--test-fraction", "0").expect(0);
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int rc = Main.run(args);
            return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static Run localise(Path images, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("localise", "--model", model.toString(), "--images",
                images.toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    static Path copyImages(String name, String... names) throws Exception {
        Path d = dir.resolve(name);
        Files.createDirectories(d);
        for (int i = 0; i < names.length; i++) {
            Files.copy(data.resolve("synth_00" + (i % 3) + ".png"), d.resolve(names[i]));
        }
        return d;
    }

    // 1. file-system faults

    @Test
    void outThatIsAFileIsRefusedBeforeScanning() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file.txt"), "x");
        localise(data, file).expect(2).says(file + ": exists and is a file, not a folder");
        localise(data, file.resolve("sub")).expect(2).says(file + " is a file, not a folder");
    }

    @Test
    void unwritableOutIsRefusedWithItsPath() {
        // tests run as root, so permissions cannot make a folder read-only; /proc cannot hold new files for anyone
        Path out = Path.of("/proc/phenoloc-reliability-test");
        localise(data, out).expect(2).says(out + ": cannot create this folder");
    }

    @Test
    void trainChecksTheModelPathBeforeTraining() throws Exception {
        Path blocker = Files.writeString(dir.resolve("blocker"), "x");
        Run r = run("train", "--data", data.toString(), "--model", blocker.resolve("m.phenoloc").toString(), "--epochs", "1",
                "--width-scale", "0.125").expect(2).says("blocker: exists and is a file, not a folder");
        assertFalse(r.out().contains("epoch"), "must fail before training:\n" + r.out());
        Path folder = Files.createDirectories(dir.resolve("model-folder"));
        run("train", "--data", data.toString(), "--model", folder.toString(), "--epochs", "1").expect(2)
                .says("is a folder; give a file name");
    }

    @Test
    void aModelWhoseFinalWriteFailsIsSavedNextToIt() throws Exception {
        // the pre-flight check passed, then the path became a non-empty folder: the write fails after training
        Path target = dir.resolve("rescue/model.phenoloc");
        Files.createDirectories(target.resolve("in-the-way"));
        BadInputException e = assertThrows(BadInputException.class, () -> ModelSaving.save(ModelFiles.load(model), target));
        assertTrue(e.getMessage().contains("the trained model was saved to "), e.getMessage());
        Path rescued = Path.of(e.getMessage().replaceFirst(".*the trained model was saved to (.*) instead$", "$1"));
        assertEquals(target.getParent(), rescued.getParent());
        assertEquals(List.of("root_tip", "negative"), ModelFiles.load(rescued).metadata().classes());
    }

    @Test
    void ioErrorsOutOfMemoryAndBugsEndInOneLine() throws Exception {
        StringWriter s = new StringWriter();
        var io = new FileSystemException("/data/out/a_heatmap.png", null, "cannot write: No space left on device");
        assertEquals(2, Main.fail(new UncheckedIOException(io), new PrintWriter(s, true)));
        assertEquals("phenoloc: error: /data/out/a_heatmap.png: cannot write: No space left on device", s.toString().trim());

        s = new StringWriter();
        assertEquals(4, Main.fail(new RuntimeException(new OutOfMemoryError("Java heap space")), new PrintWriter(s, true)));
        assertTrue(s.toString().contains("out of memory (Java heap space)") && s.toString().contains("PHENOLOC_JAVA_OPTS=-Xmx"),
                s.toString());
        assertEquals(1, s.toString().trim().lines().count());

        s = new StringWriter();
        assertEquals(1, Main.fail(new IllegalStateException("boom"), new PrintWriter(s, true)));
        assertTrue(s.toString().startsWith("phenoloc: internal error: java.lang.IllegalStateException: boom (details in "),
                s.toString());
        assertEquals(1, s.toString().trim().lines().count());
        Path crash = Path.of(s.toString().replaceFirst("(?s).*\\(details in (.*?); please.*", "$1"));
        assertTrue(Files.readString(crash).contains("IllegalStateException: boom"), crash.toString());
        Files.delete(crash);
    }

    @Test
    void aFailedWriteNamesItsTargetAndLeavesNoTemporary() throws Exception {
        Path target = dir.resolve("atomic/x.csv");
        Files.createDirectories(target.resolve("in-the-way"));
        var e = assertThrows(FileSystemException.class, () -> AtomicFiles.writeString(target, "a"));
        assertEquals(target.toString(), e.getFile());
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList());
        }
    }

    // 2. silent data loss

    @Test
    void outEqualToTheImagesFolderIsRefused() throws Exception {
        Path images = copyImages("self", "a.png");
        localise(images, images).expect(2).says("is an input folder");
        localise(images, images.resolve("results"), "--no-pictures").expect(0);
    }

    @Test
    void imagesSharingAStemKeepTheirOwnPictures() throws Exception {
        Path images = copyImages("stems", "a.png", "b.png", "c.png");
        // same stem, other format: a.tif holds the pixels of b.png
        javax.imageio.ImageIO.write(javax.imageio.ImageIO.read(images.resolve("b.png").toFile()), "tif",
                images.resolve("a.tif").toFile());
        Path out = dir.resolve("stems-out");
        localise(images, out).expect(0);
        for (String name : List.of("a.png_heatmap.png", "a.tif_heatmap.png", "a.png_overlay.png", "a.tif_overlay.png",
                "b_heatmap.png", "c_overlay.png")) {
            assertTrue(Files.isRegularFile(out.resolve(name)), name);
        }
        assertFalse(Files.exists(out.resolve("a_heatmap.png")));
    }

    @Test
    void aFolderInUseByAnotherRunIsRefusedAndAStaleLockTakenOver() throws Exception {
        Path images = copyImages("lock", "a.png");
        Path out = Files.createDirectories(dir.resolve("lock-out"));
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(out.resolve(OutputLock.NAME), other.pid() + "\n");
            localise(images, out, "--no-pictures").expect(2).says("in use by another phenoloc run (process " + other.pid());
        } finally {
            other.destroy();
            other.waitFor();
        }
        localise(images, out, "--no-pictures").expect(0).says("taking over the stale lock");
        assertFalse(Files.exists(out.resolve(OutputLock.NAME)), "the lock is released at the end");
    }

    @Test
    void aRerunIntoEarlierOutputsNeedsOverwriteWhichRemovesExactlyThem() throws Exception {
        Path images = copyImages("rerun", "a.png", "b.png");
        Path out = dir.resolve("rerun-out");
        localise(images, out).expect(0);
        Files.writeString(out.resolve("notes.txt"), "mine");
        localise(images, out).expect(2).says("holds the outputs of an earlier run").says("--overwrite");
        Files.delete(images.resolve("b.png"));
        localise(images, out, "--overwrite").expect(0);
        assertFalse(Files.exists(out.resolve("b_heatmap.png")), "a stale picture of an image no longer there");
        assertTrue(Files.isRegularFile(out.resolve("a_heatmap.png")));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertEquals(2, Files.readAllLines(out.resolve("counts.csv")).size());
    }

    // 4. cancellation

    @Test
    void cancellingPrintsWhatWasKeptAndLeavesNoTemporaries() throws Exception {
        Path images = copyImages("cancel", "a.png", "b.png", "c.png", "d.png");
        Path out = dir.resolve("cancel-out");
        Run[] result = new Run[1];
        Thread work = new Thread(() -> result[0] = localise(images, out));
        work.start();
        while (!Cancellation.running() && work.isAlive()) {
            Thread.sleep(5);
        }
        ByteArrayOutputStream hookErr = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        Cancellation.onSignal(new PrintStream(hookErr, true, StandardCharsets.UTF_8)); // what Ctrl-C runs
        assertTrue(System.nanoTime() - t0 < Cancellation.GRACE_SECONDS * 1_000_000_000L, "the hook waited for the work");
        work.join();
        result[0].expect(130).says("phenoloc: cancelled;").says("nothing was left half-written");
        assertEquals("", hookErr.toString(StandardCharsets.UTF_8), "the work stopped in time");
        assertFalse(Files.exists(out.resolve("detections.csv")));
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")
                    || p.getFileName().toString().equals(OutputLock.NAME)));
        }
    }

    /** Two 1200 x 1200 noise images: scanning them at stride 1 takes long enough to interrupt. */
    static synchronized Path bigImages() throws Exception {
        Path images = dir.resolve("big");
        if (!Files.isDirectory(images)) {
            Files.createDirectories(images);
            var big = new java.awt.image.BufferedImage(1200, 1200, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.util.Random rnd = new java.util.Random(1);
            for (int y = 0; y < big.getHeight(); y++) {
                for (int x = 0; x < big.getWidth(); x++) {
                    big.setRGB(x, y, rnd.nextInt(0x1000000));
                }
            }
            for (int i = 0; i < 2; i++) {
                javax.imageio.ImageIO.write(big, "png", images.resolve("big" + i + ".png").toFile());
            }
        }
        return images;
    }

    /** The command line in a child JVM (stderr to {@code err}); SIGINT handled as in a terminal. */
    static Process childJvm(String heap, Path err, String... args) throws Exception {
        // a shell or build tool that runs us in the background ignores SIGINT, and children inherit that
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("env", "--default-signal=INT", "true").start()
                .waitFor() == 0, "needs env --default-signal (GNU coreutils 8.31+)");
        List<String> cmd = new java.util.ArrayList<>(List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
                "-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("org.bytedeco.javacpp.cachedir", dir.resolve("jcpp").toString()),
                "-cp", classPathOnce(), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(err.toFile()).start();
    }

    /**
     * The test class path with each library once: the build lists some jars twice (the repository copy and the
     * bundle's lib/ copy), and SLF4J would warn about its binding found twice, which the launcher never does.
     */
    static String classPathOnce() {
        java.util.Map<String, String> byName = new java.util.LinkedHashMap<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString().replaceFirst("-\\d[^-/]*\\.jar$", ".jar");
            byName.putIfAbsent(entry.endsWith(".jar") ? name : entry, entry);
        }
        return String.join(java.io.File.pathSeparator, byName.values());
    }

    static void assertNoTemporariesOrLock(Path out) throws Exception {
        if (!Files.exists(out)) {
            return;
        }
        try (Stream<Path> files = Files.list(out)) {
            List<String> left = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".tmp") || n.equals(OutputLock.NAME)).toList();
            assertEquals(List.of(), left);
        }
    }

    @Test
    void ctrlCInARealProcessExits130WithTheMessage() throws Exception {
        Path out = dir.resolve("signal-out");
        Process p = childJvm("-Xmx1g", dir.resolve("signal.err"), "localise", "--model", model.toString(), "--images",
                bigImages().toString(), "--out", out.toString(), "--stride", "1");
        var stdout = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = stdout.readLine()) != null && !line.startsWith("localising ")) {
            // wait until the scan has begun
        }
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        stdout.transferTo(java.io.Writer.nullWriter());
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the process ends after Ctrl-C");
        String err = Files.readString(dir.resolve("signal.err"));
        assertEquals(130, p.exitValue(), err);
        assertTrue(err.contains("phenoloc: cancelled;") && err.contains("nothing was left half-written"), err);
        assertFalse(err.contains("Exception"), err);
        assertNoTemporariesOrLock(out);
        assertFalse(Files.exists(out.resolve("detections.csv")));
    }

    @Test
    void outOfMemoryInARealProcessNamesTheSettingToRaise() throws Exception {
        Path out = dir.resolve("oom-out");
        Process p = childJvm("-Xmx40m", dir.resolve("oom.err"), "localise", "--model", model.toString(), "--images",
                bigImages().toString(), "--out", out.toString());
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        String err = Files.readString(dir.resolve("oom.err"));
        assertEquals(4, p.exitValue(), err);
        assertTrue(err.startsWith("phenoloc: error: out of memory") && err.contains("PHENOLOC_JAVA_OPTS=-Xmx"), err);
        assertEquals(1, err.trim().lines().count(), err);
        assertNoTemporariesOrLock(out);
    }

    // 5. misleading figures

    @Test
    void aModelEvaluatedOnDataWithoutItsClassesIsRefused() throws Exception {
        Path shoots = dir.resolve("shoot-data");
        ShootGenerator.writeDataset(shoots, 1, new ShootConfig(320, 288, 1, 3, 1.0, 0.2, 0.1, 3));
        run("evaluate", "--model", model.toString(), "--data", shoots.toString(), "--out", dir.resolve("eval-out").toString())
                .expect(2).says("no annotated point has a class of this task").says("belong to another task");
    }

    @Test
    void noHeldOutAccuracyWithoutHeldOutImages() {
        trainOutput.says("no held-out images");
        assertFalse(trainOutput.out().contains("held-out patch accuracy"), trainOutput.out());
    }

    // 6. smaller items

    @Test
    void strideAndRadiusOutsideTheirBoundsAreRefused() {
        localise(data, dir.resolve("x"), "--stride", "100000").expect(2).says("larger than the model's 32 px window");
        localise(data, dir.resolve("x"), "--radius", "0").expect(2).says("--radius 0.0: must be > 0");
    }

    @Test
    void aTooSmallImageIsNamedInTheMessageAndSkippedCsv() throws Exception {
        Path images = copyImages("small", "a.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB), "png",
                images.resolve("tiny.png").toFile());
        Files.writeString(images.resolve("anim.gif"), "GIF89a");
        Path out = dir.resolve("small-out");
        localise(images, out, "--keep-going", "--no-pictures").expect(3)
                .says("skipped 1 image(s) of an unsupported format").says("anim.gif");
        String skipped = Files.readString(out.resolve("skipped.csv"));
        assertTrue(skipped.contains(images.resolve("tiny.png") + ": image is 1x1"), skipped);
    }

    @Test
    void slf4jIsBoundSoItPrintsNothing() throws Exception {
        // without a binding SLF4J 1.7 prints three "Failed to load class StaticLoggerBinder" lines before every run
        Class.forName("org.slf4j.impl.StaticLoggerBinder");
    }

    // 6. every core (issue 11): concurrent workers give the sequential run's bytes; a stopped run is resumed

    @Test
    void workersGiveTheSequentialRunsBytes() throws Exception {
        Path one = dir.resolve("workers-1");
        Path three = dir.resolve("workers-3");
        localise(data, one, "--workers", "1").expect(0).says("with 1 worker(s)");
        localise(data, three, "--workers", "3").expect(0).says("with 3 worker(s)");
        for (String f : List.of("detections.csv", "counts.csv")) {
            assertEquals(Files.readString(one.resolve(f)), Files.readString(three.resolve(f)), f);
        }
        assertEquals(names(one), names(three));
        assertFalse(Files.exists(three.resolve(PartialResults.FOLDER)), "the records go once the CSVs are written");
        localise(data, dir.resolve("workers-0"), "--workers", "0").expect(2).says("--workers 0: must be 1..");
    }

    static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aStoppedRunIsFinishedByResumeNotRedone() throws Exception {
        Path images = copyImages("resume", "a.png", "b.png", "c.png", "d.png");
        Path reference = dir.resolve("resume-reference");
        localise(images, reference, "--workers", "1").expect(0);
        Path b = images.resolve("b.png");
        byte[] good = Files.readAllBytes(b);
        Files.writeString(b, "not a png"); // the run stops at b (no --keep-going), a is finished by then
        Path out = dir.resolve("resume-out");
        localise(images, out, "--workers", "2").expect(2).says("b.png");
        assertTrue(Files.isRegularFile(out.resolve(PartialResults.FOLDER).resolve("images").resolve("a.png.csv")));
        assertFalse(Files.exists(out.resolve("detections.csv")));
        Files.write(b, good);
        localise(images, out).expect(2).says("unfinished earlier run").says("--resume");
        localise(images, out, "--resume", "--overwrite").expect(2).says("exclude each other");
        Path otherModel = dir.resolve("other.phenoloc");
        ModelFiles.save(ModelFiles.load(model), otherModel);
        if (!PartialResults.sha256(otherModel).equals(PartialResults.sha256(model))) {
            run("localise", "--model", otherModel.toString(), "--images", images.toString(), "--out", out.toString(),
                    "--resume").expect(2).says("is not the model of the interrupted run");
        }
        localise(images, out, "--resume", "--stride", "8").expect(2).says("other settings");
        Run resumed = localise(images, out, "--resume", "--workers", "2").expect(0);
        assertFalse(resumed.out().contains("a.png:"), "a was finished by the stopped run:\n" + resumed.out());
        assertTrue(resumed.out().contains("resuming: "), resumed.out());
        for (String f : List.of("detections.csv", "counts.csv")) {
            assertEquals(Files.readString(reference.resolve(f)), Files.readString(out.resolve(f)), f);
        }
        assertEquals(names(reference), names(out));
        localise(images, out, "--resume").expect(2).says("nothing to resume");
        localise(images, dir.resolve("resume-fresh"), "--resume", "--no-pictures").expect(0); // nothing to resume: a fresh run
    }

    @Test
    void aKilledProcessIsFinishedByResume() throws Exception {
        Path images = dir.resolve("killed");
        Files.createDirectories(images);
        for (String n : List.of("k1.png", "k2.png", "k3.png")) {
            Files.copy(bigImages().resolve("big0.png"), images.resolve(n));
        }
        Path out = dir.resolve("killed-out");
        Process p = childJvm("-Xmx1g", dir.resolve("killed.err"), "localise", "--model", model.toString(), "--images",
                images.toString(), "--out", out.toString(), "--stride", "2", "--workers", "1", "--no-pictures");
        var stdout = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = stdout.readLine()) != null && !line.startsWith("[1/3]")) {
            // wait until the first image is finished
        }
        p.destroyForcibly(); // SIGKILL: no shutdown hook, the lock and the records stay
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        org.junit.jupiter.api.Assumptions.assumeTrue(line != null && !Files.exists(out.resolve("detections.csv")),
                "the child finished before it was killed or failed: " + Files.readString(dir.resolve("killed.err")));
        Run resumed = localise(images, out, "--stride", "2", "--resume", "--no-pictures").expect(0)
                .says("taking over the stale lock");
        assertFalse(resumed.out().contains("k1.png:"), "k1 was finished before the kill:\n" + resumed.out());
        assertEquals(4, Files.readAllLines(out.resolve("counts.csv")).size(), "a count row for each image");
        assertFalse(Files.exists(out.resolve(PartialResults.FOLDER)));
    }
}
