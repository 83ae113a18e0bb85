package org.phenoloc.knime.nodes.localiser;

import org.knime.core.node.NodeDialogPane;
import org.phenoloc.knime.nodes.DialogNodeFactory;

/** Sliding-Window Localiser: model + image paths -> detections, counts, heat maps. */
public final class LocaliserNodeFactory extends DialogNodeFactory<LocaliserNodeModel> {
    @Override
    public LocaliserNodeModel createNodeModel() {
        return new LocaliserNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new LocaliserNodeDialog();
    }
}
