package org.phenoloc.knime.nodes.io;

import org.knime.core.node.NodeDialogPane;
import org.phenoloc.knime.nodes.DialogNodeFactory;

/** Model Writer (Phenoloc): Writes a Phenoloc model to a file that the command line and the Model Reader read. */
public final class ModelWriterNodeFactory extends DialogNodeFactory<ModelWriterNodeModel> {
    @Override
    public ModelWriterNodeModel createNodeModel() {
        return new ModelWriterNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return LocationDialog.save(LocationSettings.modelFile(), false, ".phenoloc");
    }
}
