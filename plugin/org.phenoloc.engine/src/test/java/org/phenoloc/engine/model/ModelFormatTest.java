package org.phenoloc.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.localisation.Localiser;
import org.phenoloc.engine.localisation.LocaliserConfig;

/** Model format 2: calibration and typed provenance round-trip; format-1 files (golden) still load. */
class ModelFormatTest {
    static final Path GOLDEN_V1 = Path.of("src/test/resources/org/phenoloc/engine/model/golden-v1-roots.phenoloc");

    static PhenolocModel tinyModel() {
        var a = org.phenoloc.engine.network.Architecture.paperRoot(3).scaled(0.125);
        var net = org.phenoloc.engine.network.NetworkFactory.build(a, new org.nd4j.linalg.schedule.MapSchedule(
                org.nd4j.linalg.schedule.ScheduleType.ITERATION, Map.of(0, 0.01)), 0.9, 0, 3);
        return new PhenolocModel(net, new ModelMetadata("roots", org.phenoloc.engine.Task.ROOTS.classes(), a,
                org.phenoloc.engine.Task.ROOTS.recipe(), 1.0, Map.of("root_tip", 0.99), Map.of("data", "unit test")));
    }

    @Test
    void aFormatOneModelLoadsWithTheFixedThresholdAndHalfWindowSuppression() {
        PhenolocModel m = ModelFiles.load(GOLDEN_V1);
        assertEquals(Map.of("root_tip", 0.99), m.metadata().thresholds());
        assertEquals(0, m.metadata().suppressionRadius());
        assertEquals(List.of(), m.metadata().untrainedClasses());
        assertFalse(m.metadata().flipAveraging());
        TrainingProvenance p = m.metadata().training();
        assertEquals("patches", p.method(), "format 1 models were all trained on patches");
        assertEquals(List.of("a.png", "b.png"), p.trainImages());
        assertEquals(12, p.trainSamples());
        assertEquals(0.5, p.testAccuracy(), 1e-9);
        assertTrue(Double.isNaN(p.validationF1()));
        Localiser l = new Localiser(m, LocaliserConfig.defaults());
        assertEquals(0.99, l.thresholds().get("root_tip"));
        assertEquals(16, l.suppressionRadius());
    }

    @Test
    void calibrationIsTheDefaultAfterARoundTrip(@TempDir Path dir) throws Exception {
        PhenolocModel tiny = tinyModel();
        TrainingProvenance prov = TrainingProvenance.builder().created("2026-12-02T00:00:00Z").software("test")
                .data("data").method("dense").trainImages(List.of("a.png")).testImages(List.of("b.png")).training("tc")
                .dense("dc").widthScale(0.5).trainSamples(384).epochsRun(3).bestEpoch(2).validationF1(0.71)
                .calibratedOn("held-out images").seconds(12.5).samplesPerSecond(9.5).backend("cpu")
                .imageScale("image scale 0.75, from the roots' width 5.4 px (...)").build();
        assertEquals(prov, prov.toBuilder().build(), "the builder round-trips every field");
        assertEquals(prov, TrainingProvenance.fromMap(prov.toMap()), "and so does the model file's map");
        ModelMetadata meta = new ModelMetadata("roots", tiny.metadata().classes(), tiny.metadata().architecture(),
                tiny.metadata().recipe(), 1.0, Map.of("root_tip", 0.99), prov.toMap()).withCalibration(Map.of("root_tip", 0.93), 12);
        Path f = dir.resolve("m.phenoloc");
        ModelFiles.save(new PhenolocModel(tiny.network(), meta), f);
        PhenolocModel back = ModelFiles.load(f);
        assertEquals(0.93, back.metadata().thresholds().get("root_tip"));
        assertEquals(12, back.metadata().suppressionRadius());
        assertEquals(prov.toMap(), back.metadata().training().toMap());
        assertEquals(prov.imageScale(), back.metadata().training().imageScale(), "how the scale was chosen is kept");
        Localiser defaults = new Localiser(back, LocaliserConfig.defaults());
        assertEquals(0.93, defaults.thresholds().get("root_tip"), "a model whose best threshold is 0.93 runs at 0.93");
        assertEquals(12, defaults.suppressionRadius());
        assertFalse(back.metadata().flipAveraging());
        assertFalse(defaults.flipAveraging());
        PhenolocModel flipped = new PhenolocModel(tiny.network(), meta.withFlipAveraging(true));
        ModelFiles.save(flipped, dir.resolve("f.phenoloc"));
        PhenolocModel flippedBack = ModelFiles.load(dir.resolve("f.phenoloc"));
        assertTrue(flippedBack.metadata().flipAveraging(), "flip averaging survives a round trip");
        assertTrue(new Localiser(flippedBack, LocaliserConfig.defaults()).flipAveraging(), "and is the localiser's default");
        assertFalse(new Localiser(flippedBack, LocaliserConfig.defaults().withFlips(LocaliserConfig.Flips.OFF)).flipAveraging());
        assertTrue(new Localiser(back, LocaliserConfig.defaults().withFlips(LocaliserConfig.Flips.ON)).flipAveraging());
        Localiser paper = new Localiser(back, new LocaliserConfig(4, Map.of("root_tip", 0.99), 16, true));
        assertEquals(0.99, paper.thresholds().get("root_tip"), "the paper's fixed threshold stays an option");
        assertEquals(16, paper.suppressionRadius());
    }

    @Test
    void untrainedClassesGetNoThresholdAndNoDetections() {
        PhenolocModel tiny = tinyModel();
        ModelMetadata meta = tiny.metadata().withUntrainedClasses(List.of("root_tip"));
        Localiser l = new Localiser(new PhenolocModel(tiny.network(), meta), LocaliserConfig.defaults());
        assertTrue(l.thresholds().isEmpty());
        var img = new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
        assertTrue(l.localise(img, "x", org.phenoloc.engine.io.Progress.NONE).detections().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> tiny.metadata().withUntrainedClasses(List.of("leaf_tip")));
    }

    @Test
    void metadataErrorsNameTheFileAndWhatIsMissing(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("broken.phenoloc");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("metadata.json"));
            zip.write("{\"format\": \"phenoloc-model\", \"formatVersion\": 2}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("network.zip"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        Files.write(f, bytes.toByteArray());
        BadInputException e = assertThrows(BadInputException.class, () -> ModelFiles.load(f));
        assertTrue(e.getMessage().contains("broken.phenoloc") && e.getMessage().contains("'task'"), e.getMessage());
        Files.write(f, zipWith("{\"format\": \"phenoloc-model\", \"formatVersion\": 99, \"task\": \"roots\", \"classes\": [],"
                + " \"architecture\": {}, \"recipe\": {}, \"imageScale\": 1, \"thresholds\": {}, \"provenance\": {}}"));
        e = assertThrows(BadInputException.class, () -> ModelFiles.load(f));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
        Files.write(f, zipWith("[1, 2"));
        e = assertThrows(BadInputException.class, () -> ModelFiles.load(f));
        assertTrue(e.getMessage().contains("broken.phenoloc") && e.getMessage().contains("JSON"), e.getMessage());
    }

    @Test
    void metadataWhosePatchesOrClassesDoNotFitTheNetworkIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mismatched.phenoloc");
        var o = new com.google.gson.JsonParser().parse(tinyModel().metadata().toJson()).getAsJsonObject();
        o.getAsJsonObject("recipe").addProperty("window", 24); // a valid recipe (crop 42), but not the net's 32
        Files.write(f, zipWith(o.toString()));
        BadInputException e = assertThrows(BadInputException.class, () -> ModelFiles.load(f));
        assertTrue(e.getMessage().contains("mismatched.phenoloc") && e.getMessage().contains("patch window (24 px)")
                && e.getMessage().contains("network's (32 px)"), e.getMessage());

        o = new com.google.gson.JsonParser().parse(tinyModel().metadata().toJson()).getAsJsonObject();
        o.getAsJsonArray("classes").add("leaf_tip");
        Files.write(f, zipWith(o.toString()));
        e = assertThrows(BadInputException.class, () -> ModelFiles.load(f));
        assertTrue(e.getMessage().contains("mismatched.phenoloc") && e.getMessage().contains("network of 2 classes"),
                e.getMessage());
    }

    private static byte[] zipWith(String metadata) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("metadata.json"));
            zip.write(metadata.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("network.zip"));
            zip.write(new byte[] {1});
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
