package org.phenoloc.knime.nodes.cropper;

import org.knime.core.node.NodeDialogPane;
import org.phenoloc.knime.nodes.DialogNodeFactory;

/** Patch Cropper: points table -> patch table. */
public final class PatchCropperNodeFactory extends DialogNodeFactory<PatchCropperNodeModel> {
    @Override
    public PatchCropperNodeModel createNodeModel() {
        return new PatchCropperNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new PatchCropperNodeDialog();
    }
}
