package org.phenoloc.knime.nodes;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeView;

/** The shape all Phenoloc nodes share: a settings dialog and no node views (results are tables and ports). */
public abstract class DialogNodeFactory<M extends NodeModel> extends NodeFactory<M> {
    @Override
    protected final int getNrNodeViews() {
        return 0;
    }

    @Override
    public final NodeView<M> createNodeView(final int viewIndex, final M nodeModel) {
        throw new IndexOutOfBoundsException("no views");
    }

    @Override
    protected final boolean hasDialog() {
        return true;
    }

    @Override
    protected abstract NodeDialogPane createNodeDialogPane();
}
