package org.phenoloc.knime.nodes.reader;

import org.knime.core.node.NodeDialogPane;
import org.phenoloc.knime.nodes.DialogNodeFactory;

/** Annotation Reader: annotated image folder -> points table. */
public final class AnnotationReaderNodeFactory extends DialogNodeFactory<AnnotationReaderNodeModel> {
    @Override
    public AnnotationReaderNodeModel createNodeModel() {
        return new AnnotationReaderNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new AnnotationReaderNodeDialog();
    }
}
