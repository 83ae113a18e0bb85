package org.phenoloc.knime.nodes;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.StandIn;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.knime.Fixtures;
import org.phenoloc.knime.nodes.io.ModelWriterNodeFactory;

/** Writers refuse unusable locations at configure where they can, and before writing anything otherwise. */
class WriterChecksTest {

    @Test
    void modelWriterRefusesAFolderAtConfigureAndAnUnwritableLocationBeforeWriting(@TempDir Path dir) throws Exception {
        NodeModel writer = new ModelWriterNodeFactory().createNodeModel();
        Fixtures.set(writer, "model_file", dir.toString());
        InvalidSettingsException folder = assertThrows(InvalidSettingsException.class,
            () -> StandIn.configure(writer, Fixtures.model().getSpec()));
        assertTrue(folder.getMessage().contains("Model file") && folder.getMessage().contains("is a folder"),
            folder.getMessage());
        Path blocker = Files.writeString(dir.resolve("blocker"), "x");
        Fixtures.set(writer, "model_file", blocker.resolve("m.phenoloc").toString());
        BadInputException e = assertThrows(BadInputException.class, () -> Fixtures.execute(writer, Fixtures.model()));
        assertTrue(e.getMessage().contains("blocker"), e.getMessage());
        assertTrue(Files.isRegularFile(blocker), "nothing was written in its place");
    }
}
