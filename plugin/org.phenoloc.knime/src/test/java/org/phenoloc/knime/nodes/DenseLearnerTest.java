package org.phenoloc.knime.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.localisation.Localiser;
import org.phenoloc.engine.localisation.LocaliserConfig;
import org.phenoloc.engine.model.TrainingProvenance;
import org.phenoloc.knime.Fixtures;
import org.phenoloc.knime.nodes.dense.DenseLearnerNodeFactory;
import org.phenoloc.knime.nodes.localiser.LocaliserNodeFactory;
import org.phenoloc.knime.port.PhenolocModelPortObject;

/** The Dense CNN Learner trains from the Annotation Reader's points and stores the calibration the localiser uses. */
class DenseLearnerTest {

    static NodeModel tinyDenseLearner(final int epochs) throws InvalidSettingsException {
        NodeModel m = new DenseLearnerNodeFactory().createNodeModel();
        Fixtures.set(m, "width_scale", 0.125);
        Fixtures.set(m, "epochs", epochs);
        Fixtures.set(m, "crops_per_epoch", 8);
        Fixtures.set(m, "cells", 6);
        Fixtures.set(m, "mining_rounds", 0);
        Fixtures.set(m, "test_fraction", 0.34);
        return m;
    }

    @Test
    void trainsCalibratesAndTheLocaliserUsesTheCalibrationByDefault() throws Exception {
        ExecutionContext exec = new ExecutionContext();
        var out = Fixtures.execute(tinyDenseLearner(2), exec, Fixtures.points(), null);
        PhenolocModelPortObject model = (PhenolocModelPortObject)out[0];
        BufferedDataTable history = (BufferedDataTable)out[1];
        List<DataRow> rows = Fixtures.rows(history);
        assertEquals(2, rows.size());
        assertEquals(1, rows.stream().mapToInt(r -> ((IntValue)r.getCell(5)).getIntValue()).sum(), "one best epoch");
        assertTrue(rows.stream().allMatch(r -> !r.getCell(3).isMissing()), "validation F1 every epoch");
        var meta = model.getModel().metadata();
        TrainingProvenance p = meta.training();
        assertEquals("dense", p.method());
        assertTrue(p.software().contains("KNIME Dense CNN Learner"), p.software());
        assertEquals(2, p.epochsRun());
        assertEquals(1, p.testImages().size(), "a third of the three images held out");
        // one held-out image: the two training images join the calibration unless the net scores clearly higher on them
        assertTrue(p.calibratedOn().startsWith("held-out"), p.calibratedOn());
        double calibrated = meta.thresholds().get("root_tip");
        assertTrue(meta.suppressionRadius() > 0, "calibrated suppression radius stored");
        // image scale 0 (the default): the synthetic roots are about 2 px wide, so the roots' default 0.75 stays
        assertEquals(0.75, meta.imageScale());
        // the Sliding-Window Localiser node with default settings runs at the calibrated threshold
        NodeModel localiser = new LocaliserNodeFactory().createNodeModel();
        var detections = (BufferedDataTable)Fixtures.execute(localiser, model, Fixtures.points())[0];
        String image = Fixtures.rows(Fixtures.points()).get(0).getCell(0).toString();
        var engine = new Localiser(model.getModel(), new LocaliserConfig(4, Map.of("*", calibrated),
            meta.suppressionRadius(), true)).localise(Path.of(image), Progress.NONE);
        long mine = Fixtures.rows(detections).stream().filter(r -> r.getCell(0).toString().equals(image)).count();
        assertEquals(engine.detections().size(), mine);
        assertTrue(Fixtures.rows(detections).stream()
            .allMatch(r -> ((DoubleValue)r.getCell(4)).getDoubleValue() >= calibrated));
        assertTrue(exec.getMessagesForTest().stream().anyMatch(m -> m.matches("epoch 2/2, batch \\d+/\\d+, loss .*")),
            exec.getMessagesForTest().toString());
    }

    @Test
    void theDefaultImageScaleComesFromTheRootsWidthAlongTheReadersGeometryOrTracedFromTheTips(@org.junit.jupiter.api.io.TempDir Path dir)
        throws Exception {
        // two 400 px images of blue paper, each with one 8 px wide pale root annotated in RSML (base at the top)
        for (String name : new String[] {"a", "b"}) {
            javax.imageio.ImageIO.write(org.phenoloc.engine.synthetic.StraightRoot.image(400, 8), "png",
                dir.resolve(name + ".png").toFile());
            java.nio.file.Files.writeString(dir.resolve(name + ".rsml"), "<rsml><scene><plant><root><geometry><polyline>"
                + "<point x=\"200\" y=\"10\"/><point x=\"200\" y=\"390\"/></polyline></geometry></root></plant>"
                + "</scene></rsml>");
        }
        NodeModel reader = new org.phenoloc.knime.nodes.reader.AnnotationReaderNodeFactory().createNodeModel();
        Fixtures.set(reader, "folder", dir.toString());
        BufferedDataTable points = (BufferedDataTable)Fixtures.execute(reader)[0];
        NodeModel learner = tinyDenseLearner(1);
        var model = (PhenolocModelPortObject)Fixtures.execute(learner, points, null)[0];
        assertEquals(0.5, model.getModel().metadata().imageScale(), "8 px roots scaled to 4 px");
        String why = model.getModel().metadata().training().imageScale();
        assertTrue(why.startsWith("image scale 0.5, from the roots' width 8."), "the provenance says why: " + why);
        Fixtures.set(learner, "image_scale", 0.9);
        model = (PhenolocModelPortObject)Fixtures.execute(learner, points, null)[0];
        assertEquals(0.9, model.getModel().metadata().imageScale(), "a scale set in the dialog is kept");
        assertEquals("image scale 0.9, set in the node dialog", model.getModel().metadata().training().imageScale());

        // the same images annotated with their tips only (a CSV: no root_geometry column): the roots are traced
        Path tipsOnly = java.nio.file.Files.createDirectories(dir.resolve("tips"));
        StringBuilder csv = new StringBuilder("image,class,x,y\n");
        for (String name : new String[] {"a", "b"}) {
            java.nio.file.Files.copy(dir.resolve(name + ".png"), tipsOnly.resolve(name + ".png"));
            csv.append(name).append(".png,root_tip,200,390\n");
        }
        java.nio.file.Files.writeString(tipsOnly.resolve("tips.csv"), csv);
        Fixtures.set(reader, "folder", tipsOnly.toString());
        BufferedDataTable tips = (BufferedDataTable)Fixtures.execute(reader)[0];
        Fixtures.set(learner, "image_scale", 0.0);
        model = (PhenolocModelPortObject)Fixtures.execute(learner, tips, null)[0];
        assertEquals(0.5, model.getModel().metadata().imageScale(), "8 px roots traced from their tips, scaled to 4 px");
        why = model.getModel().metadata().training().imageScale();
        assertTrue(why.contains("traced from their tip points"), why);
    }

    @Test
    void configureChecksColumnsAndSettings() throws Exception {
        NodeModel m = tinyDenseLearner(1);
        var bad = Fixtures.strings(new String[] {"file", "class"}, new String[] {"a.png", "root_tip"});
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> org.knime.core.node.StandIn.configure(m, bad.getSpec(), null));
        assertTrue(e.getMessage().contains("image"), e.getMessage());
        assertThrows(InvalidSettingsException.class, () -> Fixtures.set(m, "task", "leaves"));
        assertThrows(InvalidSettingsException.class, () -> Fixtures.set(m, "cells", 0));
    }

    @Test
    void imageScaleReachesTheModelAndSettingsSavedBeforeItLoadWithTheTaskDefault() throws Exception {
        NodeModel m = tinyDenseLearner(1);
        Fixtures.set(m, "image_scale", 0.5);
        var spec = (org.phenoloc.knime.port.PhenolocModelPortSpec)org.knime.core.node.StandIn.configure(m,
            Fixtures.points().getSpec(), null)[0];
        assertEquals(0.5, spec.getMetadata().imageScale());
        assertEquals(84, spec.getMetadata().recipe().crop(), "the roots' 42 px crop on the halved image");
        org.knime.core.node.NodeSettings current = org.knime.core.node.StandIn.saveSettings(m);
        org.knime.core.node.NodeSettings old = new org.knime.core.node.NodeSettings("model");
        for (String key : current.keySet()) {
            if (!key.equals("image_scale")) {
                Fixtures.put(old, key, Fixtures.value(current, key));
            }
        }
        org.knime.core.node.StandIn.loadSettings(m, old);
        assertEquals(0.0, org.knime.core.node.StandIn.saveSettings(m).getDouble("image_scale"), "the task's default");
        spec = (org.phenoloc.knime.port.PhenolocModelPortSpec)org.knime.core.node.StandIn.configure(m,
            Fixtures.points().getSpec(), null)[0];
        assertEquals(0.75, spec.getMetadata().imageScale(), "dense roots: TrainingJob.defaultImageScale");
    }

    @Test
    void laterSettingsDefaultToTheEngineAndSettingsSavedBeforeThemLoadWithTheOldBehaviour() throws Exception {
        NodeModel m = tinyDenseLearner(1);
        org.knime.core.node.NodeSettings current = org.knime.core.node.StandIn.saveSettings(m);
        var engine = org.phenoloc.engine.training.DenseTrainingConfig.defaults();
        assertEquals(engine.rotationDegrees(), current.getDouble("rotation_degrees"));
        assertEquals(engine.weightAveraging(), current.getDouble("weight_averaging"));
        assertThrows(InvalidSettingsException.class, () -> Fixtures.set(m, "rotation_degrees", 181.0),
            "a value out of range (e.g. from a flow variable) is an error, not silently the default");
        assertThrows(InvalidSettingsException.class, () -> Fixtures.set(m, "image_scale", 2.0));
        assertThrows(InvalidSettingsException.class, () -> Fixtures.set(m, "weight_averaging", 1.0));
        org.knime.core.node.NodeSettings old = new org.knime.core.node.NodeSettings("model");
        for (String key : current.keySet()) {
            if (!java.util.Set.of("rotation_degrees", "weight_averaging", "positive_radius", "ignore_radius",
                "checkpoint_location").contains(key)) {
                Fixtures.put(old, key, Fixtures.value(current, key));
            }
        }
        org.knime.core.node.StandIn.loadSettings(m, old);
        org.knime.core.node.NodeSettings loaded = org.knime.core.node.StandIn.saveSettings(m);
        assertEquals(180.0, loaded.getDouble("rotation_degrees"),
            "workflows saved before the setting existed keep the any-angle rotation they were trained with");
        assertEquals(0.0, loaded.getDouble("weight_averaging"), "and the last batch's weights");
        assertEquals(engine.positiveRadius(), loaded.getDouble("positive_radius"));
        assertEquals(0.5, loaded.getDouble("ignore_radius"), "the roots' ring before the setting existed");
        assertEquals("", loaded.getString("checkpoint_location"), "no checkpoint, as before the setting existed");
    }

    @Test
    void aCancelledTrainingWithACheckpointFileContinuesWhenExecutedAgain(@org.junit.jupiter.api.io.TempDir Path dir)
        throws Exception {
        var uninterrupted = (PhenolocModelPortObject)Fixtures.execute(tinyDenseLearner(3), new ExecutionContext(),
            Fixtures.points(), null)[0];
        Path checkpoint = dir.resolve("roots.checkpoint");
        NodeModel m = tinyDenseLearner(3);
        Fixtures.set(m, "checkpoint_location", checkpoint.toString());
        for (int n = 1; !java.nio.file.Files.exists(checkpoint); n++) { // cancelled ever later, until an epoch is kept
            ExecutionContext exec = new ExecutionContext();
            exec.cancelAfterChecks(5L * n);
            assertThrows(CanceledExecutionException.class, () -> Fixtures.execute(m, exec, Fixtures.points(), null));
            assertTrue(n < 200, "a checkpoint after the first epoch");
        }
        var resumed = (PhenolocModelPortObject)Fixtures.execute(m, new ExecutionContext(), Fixtures.points(), null)[0];
        org.junit.jupiter.api.Assertions.assertArrayEquals(uninterrupted.getModel().network().params().toFloatVector(),
            resumed.getModel().network().params().toFloatVector(), "the network of the uninterrupted training");
        assertTrue(!java.nio.file.Files.exists(checkpoint), "removed once the node has executed");
        String warning = org.knime.core.node.StandIn.warning(m);
        assertTrue(warning != null && warning.contains("continuing the training after epoch"), String.valueOf(warning));

        NodeModel other = tinyDenseLearner(3);
        Fixtures.set(other, "checkpoint_location", "");
        org.knime.core.node.NodeSettings current = org.knime.core.node.StandIn.saveSettings(other);
        assertEquals("", current.getString("checkpoint_location"), "empty, the default: no checkpoint");
    }

    @Test
    void cancellingStopsTraining() throws Exception {
        ExecutionContext exec = new ExecutionContext();
        exec.cancelAfterChecks(3);
        assertThrows(CanceledExecutionException.class,
            () -> Fixtures.execute(tinyDenseLearner(50), exec, Fixtures.points(), null));
    }
}
