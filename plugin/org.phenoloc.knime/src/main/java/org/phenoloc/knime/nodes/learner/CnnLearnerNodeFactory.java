package org.phenoloc.knime.nodes.learner;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** CNN Learner: patch table -> model port and training history. */
public final class CnnLearnerNodeFactory extends NodeFactory<CnnLearnerNodeModel> {
    @Override
    public CnnLearnerNodeModel createNodeModel() {
        return new CnnLearnerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<CnnLearnerNodeModel> createNodeView(final int viewIndex,
        final CnnLearnerNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("no views");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new CnnLearnerNodeDialog();
    }
}
