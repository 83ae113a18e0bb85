package org.knime.core.node;

/** Stand-in for KNIME's NodeFactory (KNIME reads the node description from FactorySimpleName.xml beside it). */
public abstract class NodeFactory<T extends NodeModel> {
    protected NodeFactory() {
    }

    public abstract T createNodeModel();

    protected abstract int getNrNodeViews();

    public abstract NodeView<T> createNodeView(final int viewIndex, final T nodeModel);

    protected abstract boolean hasDialog();

    protected abstract NodeDialogPane createNodeDialogPane();
}
