package org.phenoloc.knime.nodes.scorer;

import org.knime.core.node.NodeDialogPane;
import org.phenoloc.knime.nodes.DialogNodeFactory;

/** Localisation Scorer: detections + ground truth -> precision, recall, F1. */
public final class ScorerNodeFactory extends DialogNodeFactory<ScorerNodeModel> {
    @Override
    public ScorerNodeModel createNodeModel() {
        return new ScorerNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new ScorerNodeDialog();
    }
}
