package org.phenoloc.knime.nodes.io;

import org.knime.core.node.NodeDialogPane;
import org.phenoloc.knime.nodes.DialogNodeFactory;

/** Image Lister: Lists the images of a folder for the Sliding-Window Localiser. */
public final class ImageListerNodeFactory extends DialogNodeFactory<ImageListerNodeModel> {
    @Override
    public ImageListerNodeModel createNodeModel() {
        return new ImageListerNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return LocationDialog.open(LocationSettings.imageFolder(), true);
    }
}
