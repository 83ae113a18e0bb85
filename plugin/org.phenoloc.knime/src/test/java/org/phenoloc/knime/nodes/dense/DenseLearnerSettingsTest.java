package org.phenoloc.knime.nodes.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.phenoloc.engine.training.DenseTrainingConfig;
import org.phenoloc.knime.Fixtures;

/** The Dense CNN Learner's training radii reach the engine; workflows saved before them keep their ring. */
class DenseLearnerSettingsTest {

    @Test
    void theRadiiReachTheEngine() throws Exception {
        DenseLearnerSettings s = new DenseLearnerSettings();
        assertEquals(DenseTrainingConfig.defaults().ignoreRadius(), s.settings().dense().ignoreRadius());
        assertEquals(DenseTrainingConfig.defaults().positiveRadius(), s.settings().dense().positiveRadius());
        s.m_positiveRadius.setDoubleValue(0.2);
        s.m_ignoreRadius.setDoubleValue(0.6);
        assertEquals(0.2, s.settings().dense().positiveRadius());
        assertEquals(0.6, s.settings().dense().ignoreRadius());
        s.m_ignoreRadius.setDoubleValue(0.1);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, s::settings,
            "a ring inside the positive radius");
        assertTrue(e.getMessage().contains("ignore radius"), e.getMessage());
    }

    @Test
    void workflowsSavedBeforeTheRadiiKeepTheRingTheyWereTrainedWith() throws Exception {
        for (String task : new String[] {"roots", "shoots"}) {
            DenseLearnerSettings s = new DenseLearnerSettings();
            s.m_task.setStringValue(task);
            NodeSettings saved = new NodeSettings("model");
            s.save(saved);
            NodeSettings old = new NodeSettings("model");
            for (String key : saved.keySet()) {
                if (!key.equals(DenseLearnerSettings.IGNORE_RADIUS) && !key.equals(DenseLearnerSettings.POSITIVE_RADIUS)) {
                    Fixtures.put(old, key, Fixtures.value(saved, key));
                }
            }
            DenseLearnerSettings loaded = new DenseLearnerSettings();
            loaded.load(old);
            assertEquals(task.equals("roots") ? 0.5 : 0.3, loaded.settings().dense().ignoreRadius(), task);
            assertEquals(DenseTrainingConfig.defaults().positiveRadius(), loaded.settings().dense().positiveRadius());
        }
    }
}
