package org.phenoloc.knime.nodes.dense;

import org.knime.core.node.NodeDialogPane;
import org.phenoloc.knime.nodes.DialogNodeFactory;

/** Dense CNN Learner: annotated points (Annotation Reader) -> calibrated model port and training history. */
public final class DenseLearnerNodeFactory extends DialogNodeFactory<DenseLearnerNodeModel> {
    @Override
    public DenseLearnerNodeModel createNodeModel() {
        return new DenseLearnerNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new DenseLearnerNodeDialog();
    }
}
