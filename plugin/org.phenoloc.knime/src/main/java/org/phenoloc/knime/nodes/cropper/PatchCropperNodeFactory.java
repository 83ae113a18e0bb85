package org.phenoloc.knime.nodes.cropper;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Patch Cropper: points table -> patch table. */
public final class PatchCropperNodeFactory extends NodeFactory<PatchCropperNodeModel> {
    @Override
    public PatchCropperNodeModel createNodeModel() {
        return new PatchCropperNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<PatchCropperNodeModel> createNodeView(final int viewIndex,
        final PatchCropperNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("no views");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new PatchCropperNodeDialog();
    }
}
