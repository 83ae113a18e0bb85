package org.phenoloc.knime.nodes.localiser;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Sliding-Window Localiser: model + image paths -> detections, counts, heat maps. */
public final class LocaliserNodeFactory extends NodeFactory<LocaliserNodeModel> {
    @Override
    public LocaliserNodeModel createNodeModel() {
        return new LocaliserNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<LocaliserNodeModel> createNodeView(final int viewIndex,
        final LocaliserNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("no views");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new LocaliserNodeDialog();
    }
}
