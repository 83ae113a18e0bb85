package org.phenoloc.knime.nodes.io;

import org.knime.core.node.NodeDialogPane;
import org.phenoloc.knime.nodes.DialogNodeFactory;

/** Results Writer (Phenoloc): Writes detections, counts and overlays of the Localiser to a folder. */
public final class ResultsWriterNodeFactory extends DialogNodeFactory<ResultsWriterNodeModel> {
    @Override
    public ResultsWriterNodeModel createNodeModel() {
        return new ResultsWriterNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return LocationDialog.save(LocationSettings.outputFolder(), true);
    }
}
