package org.phenoloc.knime.nodes.predictor;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** CNN Predictor: model + patch table -> predictions and Table 1. */
public final class CnnPredictorNodeFactory extends NodeFactory<CnnPredictorNodeModel> {
    @Override
    public CnnPredictorNodeModel createNodeModel() {
        return new CnnPredictorNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<CnnPredictorNodeModel> createNodeView(final int viewIndex,
        final CnnPredictorNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("no views");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new CnnPredictorNodeDialog();
    }
}
