package org.phenoloc.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phenoloc.engine.synthetic.RootSystemConfig;
import org.phenoloc.engine.synthetic.RootSystemGenerator;

/** The command-line forms other tools rely on: arguments, output files, CSV headers, exit codes for bad input. */
class CommandLineContractTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path model;

    @BeforeAll
    static void trainTinyModel() throws Exception {
        data = dir.resolve("data");
        RootSystemGenerator.writeDataset(data, 3, new RootSystemConfig(256, 320, 2, 3, 0.5, 0.2, 5));
        model = dir.resolve("m.phenoloc");
        int rc = Main.run("train", "--task", "roots", "--data", data.toString(), "--model", model.toString(),
                "--epochs", "1", "--width-scale", "0.125", "--batch", "16", "--crops-per-epoch", "32");
        assertEquals(0, rc);
        assertTrue(Files.isRegularFile(model));
    }

    @Test
    void localiseWritesTheContractFiles() throws Exception {
        Path out = dir.resolve("loc");
        // a low threshold so the untrained model produces some detections to check the columns of
        int rc = Main.run("localise", "--model", model.toString(), "--images", data.toString(), "--out", out.toString(),
                "--threshold", "0.01");
        assertEquals(0, rc);
        List<String> det = Files.readAllLines(out.resolve("detections.csv"));
        assertEquals("image,class,x,y,score", det.get(0));
        assertTrue(det.size() > 1, "expected detections at threshold 0.01");
        String[] row = det.get(1).split(",");
        assertTrue(row[0].startsWith("synth_") && row[0].endsWith(".png"), det.get(1));
        assertEquals("root_tip", row[1]);
        double x = Double.parseDouble(row[2]);
        double y = Double.parseDouble(row[3]);
        assertTrue(x >= 16 && x <= 256 - 16 && y >= 16 && y <= 320 - 16, "inside the scanned area: " + det.get(1));
        List<String> counts = Files.readAllLines(out.resolve("counts.csv"));
        assertEquals("image,class,count", counts.get(0));
        assertEquals(4, counts.size());
        assertTrue(Files.isRegularFile(out.resolve("synth_000_heatmap.png")));
        assertTrue(Files.isRegularFile(out.resolve("synth_000_overlay.png")));
    }

    @Test
    void greyImagesForAColourModelAreNamedInAWarning() throws Exception {
        Path images = dir.resolve("mixed");
        Files.createDirectories(images);
        Files.copy(data.resolve("synth_000.png"), images.resolve("a_colour.png"));
        java.awt.image.BufferedImage src = javax.imageio.ImageIO.read(data.resolve("synth_001.png").toFile());
        java.awt.image.BufferedImage grey = new java.awt.image.BufferedImage(src.getWidth(), src.getHeight(),
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(src, 0, 0, null);
        javax.imageio.ImageIO.write(grey, "png", images.resolve("b_grey.png").toFile());
        String err = stderrOf(0, "localise", "--model", model.toString(), "--images", images.toString(), "--out",
                dir.resolve("mixed-out").toString());
        assertTrue(err.contains("warning: 1 of 2 image(s) are greyscale, but the model was trained on colour images"), err);
        assertTrue(err.contains("(b_grey.png)"), err);
        String colourOnly = stderrOf(0, "localise", "--model", model.toString(), "--images", data.toString(), "--out",
                dir.resolve("colour-out").toString());
        assertFalse(colourOnly.contains("greyscale"), colourOnly);
        // evaluate, on annotated images: the same warning, also in the report
        for (String[] pair : new String[][] {{"synth_000", "a_colour"}, {"synth_001", "b_grey"}}) {
            try (var files = Files.list(data)) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith(pair[0] + ".")
                        && !f.getFileName().toString().endsWith(".png")).toList()) {
                    Files.copy(f, images.resolve(f.getFileName().toString().replace(pair[0], pair[1])));
                }
            }
        }
        Path report = dir.resolve("mixed-eval");
        String evalErr = stderrOf(0, "evaluate", "--model", model.toString(), "--data", images.toString(), "--out",
                report.toString());
        assertTrue(evalErr.contains("warning: 1 of 2 image(s) are greyscale") && evalErr.contains("(b_grey.png)"), evalErr);
        assertTrue(Files.readString(report.resolve("report.md")).contains("Warning: 1 of 2 image(s) are greyscale"));
    }

    @Test
    void evaluateSplitsTheTipsByWhereTheyLieAgainstTheOtherAnnotatedRoots() throws Exception {
        Path report = dir.resolve("placement-eval");
        assertEquals(0, Main.run("evaluate", "--model", model.toString(), "--data", data.toString(), "--out",
                report.toString(), "--threshold", "0.01"));
        String md = Files.readString(report.resolve("report.md"));
        assertTrue(md.contains("## Where the tips lie: on, beside or clear of other roots"), md);
        assertTrue(md.contains("| where the tip lies | tips | found: root_tip, this model |"), md);
        int annotated = 0;
        for (String line : md.split("\n")) { // the per-image table: | image | class | true count | ...
            if (line.startsWith("| synth_")) {
                annotated += Integer.parseInt(line.split("\\|")[3].trim());
            }
        }
        assertTrue(annotated > 0, md);
        assertTrue(md.contains("| all | " + annotated + " | "), md);
        // tips.csv: one row per annotated point, its placement and whether it was found, as the table counts them
        List<String> tips = Files.readAllLines(report.resolve("tips.csv"));
        assertEquals("image,class,x,y,placement,other_root_px,found", tips.get(0));
        assertEquals(annotated, tips.size() - 1);
        java.util.Map<String, int[]> byPlace = new java.util.HashMap<>();
        for (String row : tips.subList(1, tips.size())) {
            String[] f = row.split(",", -1);
            assertEquals(7, f.length, row);
            assertTrue(f[0].startsWith("synth_") && f[1].equals("root_tip"), row);
            assertTrue(List.of("on_another_root", "beside_another_root", "clear_of_other_roots").contains(f[4]), row);
            int[] c = byPlace.computeIfAbsent(f[4], k -> new int[2]);
            c[0]++;
            c[1] += Boolean.parseBoolean(f[6]) ? 1 : 0;
        }
        for (String place : byPlace.keySet()) {
            int[] c = byPlace.get(place);
            String label = place.replace('_', ' ');
            assertTrue(md.contains("| " + label), md);
            assertTrue(md.lines().anyMatch(l -> l.startsWith("| " + label) && l.contains("| " + c[0] + " | " + c[1]
                    + (c[0] == 0 ? "" : " ("))), place + " " + c[0] + "/" + c[1] + "\n" + md);
        }
    }

    private static String stderrOf(int expectedExit, String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err));
        try {
            assertEquals(expectedExit, Main.run(args), err.toString());
        } finally {
            System.setErr(old);
        }
        return err.toString();
    }

    @Test
    void badSettingsAndFilesGiveExitCode2AndAMessage() {
        assertBad("stride must be >= 1", "localise", "--model", model.toString(), "--images", data.toString(), "--out",
                dir.resolve("x").toString(), "--stride", "0");
        assertBad("threshold for * must be in (0, 1)", "localise", "--model", model.toString(), "--images", data.toString(),
                "--out", dir.resolve("x").toString(), "--threshold", "1.5");
        assertBad("missing.phenoloc: model file not found", "localise", "--model", dir.resolve("missing.phenoloc").toString(),
                "--images", data.toString(), "--out", dir.resolve("x").toString());
        assertFalse(Files.exists(dir.resolve("x").resolve("detections.csv")));
    }

    private static void assertBad(String expected, String... args) {
        String err = stderrOf(2, args);
        assertTrue(err.contains(expected), err);
    }
}
