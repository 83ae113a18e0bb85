package org.phenoloc.knime.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.image.png.PNGImageCellFactory;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.StandIn;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.phenoloc.engine.network.Architecture;
import org.phenoloc.engine.patches.PatchRecipe;
import org.phenoloc.engine.training.TrainingConfig;
import org.phenoloc.knime.Fixtures;
import org.phenoloc.knime.port.PhenolocModelPortObject;
import org.phenoloc.knime.port.PhenolocModelPortSpec;
import org.phenoloc.knime.util.PatchColumn;
import org.phenoloc.knime.util.Tables;

class LearnerTest {

    @Test
    void configureNeedsACropperPatchColumnWithTheNetworksWindow() throws Exception {
        NodeModel learner = Fixtures.tinyLearner(1);
        DataTableSpec plain = new DataTableSpec(Tables.col("patch", PNGImageCellFactory.TYPE),
            Tables.stringCol("class"));
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> StandIn.configure(learner, plain, null));
        assertTrue(e.getMessage().contains("Patch Cropper"), e.getMessage());
        DataColumnSpec window24 = PatchColumn.spec("patch", org.phenoloc.engine.Task.ROOTS, new PatchRecipe(24, 42, 1, 2, 0.5, 16), 3);
        InvalidSettingsException w = assertThrows(InvalidSettingsException.class,
            () -> StandIn.configure(learner, new DataTableSpec(window24, Tables.stringCol("class")), null));
        assertTrue(w.getMessage().contains("window of 24 px") && w.getMessage().contains("'Window'"),
            w.getMessage());
        PortObjectSpec[] out = StandIn.configure(learner, Fixtures.patches().getSpec(), null);
        PhenolocModelPortSpec spec = (PhenolocModelPortSpec)out[0];
        assertEquals(List.of("root_tip", "negative"), spec.getMetadata().classes());
        assertEquals(Architecture.paperRoot(3).scaled(0.125).convStack(), spec.getMetadata().architecture().convStack());
    }

    @Test
    void badSettingsNameTheSetting() {
        NodeModel learner = new org.phenoloc.knime.nodes.learner.CnnLearnerNodeFactory().createNodeModel();
        InvalidSettingsException preset =
            assertThrows(InvalidSettingsException.class, () -> Fixtures.set(learner, "architecture", "huge"));
        assertTrue(preset.getMessage().startsWith("Setting 'Architecture'"), preset.getMessage());
        InvalidSettingsException epochs =
            assertThrows(InvalidSettingsException.class, () -> Fixtures.set(learner, "epochs", 0));
        assertTrue(epochs.getMessage().contains("0"), epochs.getMessage());
    }

    @Test
    void trainsReportsProgressPerBatchAndWritesHistory() throws Exception {
        NodeModel learner = Fixtures.tinyLearner(2);
        ExecutionContext exec = new ExecutionContext();
        PortObject[] out = Fixtures.execute(learner, exec, Fixtures.patches(), null);
        PhenolocModelPortObject model = (PhenolocModelPortObject)out[0];
        BufferedDataTable history = (BufferedDataTable)out[1];
        assertEquals(2, history.size());
        List<DataRow> rows = Fixtures.rows(history);
        assertEquals(1, ((IntValue)rows.get(0).getCell(0)).getIntValue());
        double loss = ((DoubleValue)rows.get(0).getCell(2)).getDoubleValue();
        assertTrue(loss > 0 && Double.isFinite(loss));
        assertTrue(rows.stream().mapToInt(r -> ((IntValue)r.getCell(6)).getIntValue()).sum() == 1, "one best epoch");
        long trainRows = Fixtures.rows(Fixtures.patches()).stream()
            .filter(r -> r.getCell(5).toString().equals("train")).count();
        long batches = 2 * ((trainRows + 15) / 16);
        assertTrue(exec.getCancelChecks() >= batches, exec.getCancelChecks() + " checks for " + batches + " batches");
        assertTrue(exec.getMessagesForTest().stream().anyMatch(m -> m.matches("epoch 2/2, batch \\d+/\\d+, loss .*")),
            exec.getMessagesForTest().toString());
        assertEquals(1.0, exec.getProgressForTest(), 1e-9);
        var meta = model.getModel().metadata();
        assertEquals(PatchRecipe.paperRoots(), meta.recipe());
        assertEquals("2", meta.provenance().get("epochsRun"));
        assertEquals(Long.toString(trainRows), meta.provenance().get("trainPatches"));
    }

    @Test
    void cancellingStopsBeforeTheNextMinibatch() throws Exception {
        NodeModel learner = Fixtures.tinyLearner(50);
        ExecutionContext exec = new ExecutionContext();
        exec.cancelAfterChecks(3);
        var patches = Fixtures.patches(); // cutting the patches and starting ND4J are not part of the cancel latency
        org.phenoloc.engine.network.Backend.init();
        assertThrows(CanceledExecutionException.class, () -> Fixtures.execute(learner, exec, patches, null));
        assertTrue(exec.getCancelChecks() <= 5, exec.getCancelChecks() + " checks");
    }

    @Test
    void validationPatchesOfAnotherRecipeAreRejectedBeforeTraining() throws Exception {
        NodeModel cropper = new org.phenoloc.knime.nodes.cropper.PatchCropperNodeFactory().createNodeModel();
        Fixtures.set(cropper, "recipe", "custom");
        Fixtures.set(cropper, "crop", 48);
        BufferedDataTable other = (BufferedDataTable)Fixtures.execute(cropper, Fixtures.points())[0];
        var e = assertThrows(org.phenoloc.engine.io.BadInputException.class,
            () -> Fixtures.execute(Fixtures.tinyLearner(1), Fixtures.patches(), other));
        assertTrue(e.getMessage().contains("48 x 48 x 3") && e.getMessage().contains("42 x 42 x 3")
            && e.getMessage().startsWith("row '"), e.getMessage());
    }

    @Test
    void outOfMemoryAdviceNamesTheSettingToRaise() {
        String advice = org.phenoloc.knime.nodes.learner.LearnerAccess.advice(TrainingConfig.defaults(),
            Architecture.paperRoot(3));
        assertTrue(advice.contains("-Xmx") && advice.contains("knime.ini"), advice);
        assertTrue(advice.contains("Batch size") && advice.contains("32"), advice);
    }
}
