package org.knime.core.data.image.png;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;

/** Stand-in for KNIME's PNGImageCellFactory. */
public class PNGImageCellFactory {
    public static final DataType TYPE = PNGImageContent.TYPE;

    public DataType getDataType() {
        return TYPE;
    }

    public static DataCell create(final InputStream is) throws IOException {
        return new PNGImageContent(is).toImageCell();
    }

    public static DataCell create(final byte[] contents) throws IOException {
        return new PNGImageContent(contents).toImageCell();
    }
}
