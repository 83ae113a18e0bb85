package org.phenoloc.knime.nodes.reader;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Annotation Reader: annotated image folder -> points table. */
public final class AnnotationReaderNodeFactory extends NodeFactory<AnnotationReaderNodeModel> {
    @Override
    public AnnotationReaderNodeModel createNodeModel() {
        return new AnnotationReaderNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<AnnotationReaderNodeModel> createNodeView(final int viewIndex,
        final AnnotationReaderNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("no views");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new AnnotationReaderNodeDialog();
    }
}
