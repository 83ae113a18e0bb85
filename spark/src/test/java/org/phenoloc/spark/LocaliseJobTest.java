package org.phenoloc.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;
import org.phenoloc.engine.Task;
import org.phenoloc.engine.cli.Main;
import org.phenoloc.engine.model.ModelFiles;
import org.phenoloc.engine.model.ModelMetadata;
import org.phenoloc.engine.model.PhenolocModel;
import org.phenoloc.engine.network.Architecture;
import org.phenoloc.engine.network.NetworkFactory;
import org.phenoloc.engine.synthetic.RootSystemConfig;
import org.phenoloc.engine.synthetic.RootSystemGenerator;

/**
 * The Spark job in local[2] on a few generated images: exactly the command line's detections.csv and counts.csv,
 * a corrupt image listed in OUT/skipped instead of failing the job, Parquet beside the CSV, and a re-run of another
 * batch leaving the first batch's partitions alone. One small session for all of it (CI has 2 cores).
 */
class LocaliseJobTest {
    @TempDir
    static Path dir;
    static Path plate;
    static Path model;
    static SparkSession spark;

    @BeforeAll
    static void imagesModelAndSession() throws Exception {
        plate = dir.resolve("plate1");
        RootSystemGenerator.writeDataset(plate, 3, new RootSystemConfig(256, 320, 2, 3, 0.5, 0.2, 5));
        Files.writeString(plate.resolve("bad.png"), "not a png");
        Architecture a = Architecture.paperRoot(3).scaled(0.125);
        var net = NetworkFactory.build(a, new StepSchedule(ScheduleType.EPOCH, 0.01, 0.1, 1), 0.9, 0, 5);
        model = dir.resolve("m.phenoloc");
        ModelFiles.save(new PhenolocModel(net, new ModelMetadata("roots", Task.ROOTS.classes(), a, Task.ROOTS.recipe(),
                1.0, Task.ROOTS.defaultThresholds(), Map.of("note", "untrained, for the test"))), model);
        spark = SparkSession.builder().master("local[2]").appName("phenoloc-test").config("spark.ui.enabled", "false")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** The untrained net's tip probabilities are low and smooth: a low threshold gives a few peaks per image. */
    static String threshold() {
        return "0.1";
    }

    static String only(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> parts = files.filter(f -> f.getFileName().toString().startsWith("part-")).toList();
            assertEquals(1, parts.size(), "one file per batch: " + parts);
            return Files.readString(parts.get(0));
        }
    }

    @Test
    void sparkGivesTheCommandLinesResultsAndSkipsTheCorruptImage() throws Exception {
        Path cli = dir.resolve("cli");
        assertEquals(3, Main.run("localise", "--model", model.toString(), "--images", plate.toString(), "--out",
                cli.toString(), "--keep-going", "--no-pictures", "--threshold", threshold()), "skipped bad.png");
        String detections = Files.readString(cli.resolve("detections.csv"));
        assertTrue(detections.lines().count() > 3, "the test needs detections:\n" + detections);

        Path out = dir.resolve("spark");
        long t0 = System.nanoTime();
        LocaliseJob.Summary s = LocaliseJob.run(spark, "--model", model.toString(), "--images", plate.toString(),
                "--out", out.toUri().toString(), "--threshold", threshold());
        System.out.printf("spark local[2]: %d images in %.1f s (first job of the session)%n", s.images(),
                (System.nanoTime() - t0) / 1e9);
        assertEquals(new LocaliseJob.Summary(4, 1, detections.lines().count() - 1, 0), s);
        assertEquals(detections, only(out.resolve("csv/detections/batch=plate1")));
        assertEquals(Files.readString(cli.resolve("counts.csv")), only(out.resolve("csv/counts/batch=plate1")));
        String skipped = only(out.resolve("csv/skipped/batch=plate1"));
        assertTrue(skipped.startsWith("image,problem\n") && skipped.contains("bad.png"), skipped);
        var parquet = spark.read().parquet(out.resolve("detections").toString());
        assertEquals(s.detections(), parquet.count());
        assertEquals("double", parquet.schema().apply("score").dataType().typeName());

        // another batch: plate1's partitions stay as they are
        t0 = System.nanoTime();
        LocaliseJob.run(spark, "--model", model.toString(), "--images", plate.resolve("synth_000.png").toString(),
                "--out", out.toString(), "--threshold", threshold(), "--batch", "again");
        System.out.printf("spark local[2]: 1 image in %.1f s (warm session)%n", (System.nanoTime() - t0) / 1e9);
        assertEquals(detections, only(out.resolve("csv/detections/batch=plate1")));
        assertTrue(Files.isDirectory(out.resolve("detections/batch=again")));
        assertEquals(Files.readString(cli.resolve("counts.csv")), only(out.resolve("csv/counts/batch=plate1")));
    }

    @Test
    void greyImagesForAColourModelAreCountedAndNamed() throws Exception {
        Path mixed = dir.resolve("mixed");
        Files.createDirectories(mixed);
        Files.copy(plate.resolve("synth_000.png"), mixed.resolve("a_colour.png"));
        java.awt.image.BufferedImage src = javax.imageio.ImageIO.read(plate.resolve("synth_001.png").toFile());
        java.awt.image.BufferedImage grey = new java.awt.image.BufferedImage(src.getWidth(), src.getHeight(),
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(src, 0, 0, null);
        javax.imageio.ImageIO.write(grey, "png", mixed.resolve("b_grey.png").toFile());
        java.io.PrintStream old = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true));
        LocaliseJob.Summary s;
        try {
            s = LocaliseJob.run(spark, "--model", model.toString(), "--images", mixed.toString(), "--out",
                    dir.resolve("spark-mixed").toUri().toString(), "--threshold", threshold());
        } finally {
            System.setErr(old);
        }
        assertEquals(1, s.greyscale());
        assertTrue(err.toString().contains("warning: 1 of 2 image(s) are greyscale") && err.toString().contains("b_grey.png"),
                err.toString());
    }
}
