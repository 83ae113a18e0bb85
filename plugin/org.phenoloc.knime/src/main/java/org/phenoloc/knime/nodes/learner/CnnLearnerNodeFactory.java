package org.phenoloc.knime.nodes.learner;

import org.knime.core.node.NodeDialogPane;
import org.phenoloc.knime.nodes.DialogNodeFactory;

/** CNN Learner: patch table -> model port and training history. */
public final class CnnLearnerNodeFactory extends DialogNodeFactory<CnnLearnerNodeModel> {
    @Override
    public CnnLearnerNodeModel createNodeModel() {
        return new CnnLearnerNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new CnnLearnerNodeDialog();
    }
}
