package org.phenoloc.knime.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.InvalidSettingsException;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.localisation.Detection;
import org.phenoloc.engine.localisation.LocalisationResult;
import org.phenoloc.engine.localisation.Localiser;
import org.phenoloc.engine.localisation.LocaliserConfig;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.StandIn;
import org.knime.core.node.port.PortObject;
import org.phenoloc.knime.Fixtures;
import org.phenoloc.knime.nodes.localiser.LocaliserNodeFactory;

/**
 * The Localiser at scale (issue 11): its own workers give the sequential tables, and two node instances on one model
 * run at the same time (as in the branches of KNIME's Parallel Chunk Start/End) without sharing anything mutable.
 */
class LocaliserParallelTest {

    private static NodeModel localiser(final int workers) throws Exception {
        NodeModel m = new LocaliserNodeFactory().createNodeModel();
        Fixtures.set(m, "thresholds", "0.5");
        Fixtures.set(m, "workers", workers);
        return m;
    }

    /** Both tables as text, cell by cell (row keys included). */
    private static String text(final PortObject[] out) {
        StringBuilder sb = new StringBuilder();
        for (PortObject o : out) {
            for (DataRow r : Fixtures.rows((BufferedDataTable)o)) {
                sb.append(r.getKey());
                for (int i = 0; i < r.getNumCells(); i++) {
                    DataCell c = r.getCell(i);
                    // scan seconds differ from run to run; the pictures are compared through their bytes' text
                    sb.append(i == r.getNumCells() - 3 ? "|s" : "|" + c);
                }
                sb.append('\n');
            }
            sb.append("--\n");
        }
        return sb.toString();
    }

    @Test
    void workersAndConcurrentInstancesOnOneModelGiveTheSequentialTables() throws Exception {
        String sequential = text(Fixtures.execute(localiser(1), Fixtures.model(), Fixtures.points()));
        assertTrue(sequential.contains("root_tip"), sequential);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<PortObject[]>> runs = new ArrayList<>();
            for (int w : new int[] {2, 3}) {
                NodeModel node = localiser(w);
                Callable<PortObject[]> run = () -> Fixtures.execute(node, new ExecutionContext(), Fixtures.model(),
                    Fixtures.points());
                runs.add(two.submit(run));
            }
            for (Future<PortObject[]> f : runs) {
                assertEquals(sequential, text(f.get()));
            }
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void settingsSavedBeforeWorkersExistedLoadWithTheAutomaticDefault() throws Exception {
        NodeModel m = localiser(3);
        NodeSettings current = StandIn.saveSettings(m);
        NodeSettings old = new NodeSettings("model"); // what the node saved before issue 11
        old.addString("image_column", current.getString("image_column"));
        old.addInt("stride", current.getInt("stride"));
        old.addString("thresholds", current.getString("thresholds"));
        old.addDouble("suppression_radius", current.getDouble("suppression_radius"));
        old.addBoolean("renderings", current.getBoolean("renderings"));
        StandIn.loadSettings(m, old);
        assertEquals(0, StandIn.saveSettings(m).getInt("workers"), "automatic");
        assertEquals("model", StandIn.saveSettings(m).getString("flip_averaging"), "as the model was calibrated");
    }

    @Test
    void flipAveragingSettingReachesTheEngineAndBadValuesAreRejected() throws Exception {
        NodeModel on = localiser(1);
        Fixtures.set(on, "flip_averaging", "on");
        List<DataRow> rows = Fixtures.rows((BufferedDataTable)Fixtures.execute(on, Fixtures.model(), Fixtures.points())[0]);
        String image = Fixtures.rows(Fixtures.points()).get(0).getCell(0).toString();
        LocalisationResult engine = new Localiser(Fixtures.model().getModel(),
            new LocaliserConfig(4, Map.of("*", 0.5), 0, true, LocaliserConfig.Flips.ON)).localise(Path.of(image),
                Progress.NONE);
        List<Double> node = rows.stream().filter(r -> r.getCell(0).toString().equals(image))
            .map(r -> ((DoubleValue)r.getCell(4)).getDoubleValue()).toList();
        assertEquals(engine.detections().stream().map(Detection::score).toList(), node);
        NodeSettings bad = StandIn.saveSettings(on);
        Fixtures.put(bad, "flip_averaging", "sometimes");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> StandIn.loadSettings(on, bad));
        assertTrue(e.getMessage().contains("Flip averaging") && e.getMessage().contains("sometimes"), e.getMessage());
    }
}
