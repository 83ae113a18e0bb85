package org.phenoloc.knime.nodes.predictor;

import org.knime.core.node.NodeDialogPane;
import org.phenoloc.knime.nodes.DialogNodeFactory;

/** CNN Predictor: model + patch table -> predictions and Table 1. */
public final class CnnPredictorNodeFactory extends DialogNodeFactory<CnnPredictorNodeModel> {
    @Override
    public CnnPredictorNodeModel createNodeModel() {
        return new CnnPredictorNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new CnnPredictorNodeDialog();
    }
}
