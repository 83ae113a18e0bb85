package org.phenoloc.knime.nodes.io;

import org.knime.core.node.NodeDialogPane;
import org.phenoloc.knime.nodes.DialogNodeFactory;

/** Model Reader (Phenoloc): Reads a Phenoloc model file (from the Model Writer or phenoloc train). */
public final class ModelReaderNodeFactory extends DialogNodeFactory<ModelReaderNodeModel> {
    @Override
    public ModelReaderNodeModel createNodeModel() {
        return new ModelReaderNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return LocationDialog.open(LocationSettings.modelFile(), false, ".phenoloc");
    }
}
