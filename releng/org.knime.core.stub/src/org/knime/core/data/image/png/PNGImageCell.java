package org.knime.core.data.image.png;

import java.util.Arrays;

import org.knime.core.data.DataCell;

/** Stand-in for KNIME's PNG image cell. */
public final class PNGImageCell extends DataCell implements PNGImageValue {
    private static final long serialVersionUID = 1L;

    private final PNGImageContent m_content;

    PNGImageCell(final PNGImageContent content) {
        m_content = content;
    }

    @Override
    public PNGImageContent getImageContent() {
        return m_content;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return Arrays.equals(((PNGImageCell)dc).m_content.getByteArrayReference(), m_content.getByteArrayReference());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m_content.getByteArrayReference());
    }

    @Override
    public String toString() {
        return "PNG image, " + m_content.getByteArrayReference().length + " B";
    }
}
