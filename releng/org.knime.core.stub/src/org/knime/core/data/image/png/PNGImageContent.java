package org.knime.core.data.image.png;

import java.awt.Image;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;

/** Stand-in for KNIME's PNGImageContent: PNG bytes, validated with ImageIO like KNIME's. */
public class PNGImageContent {
    public static final DataType TYPE = DataType.getType(PNGImageCell.class);

    private final byte[] m_imageBytes;

    public PNGImageContent(final byte[] imageBytes) {
        if (imageBytes == null) {
            throw new NullPointerException("Argument must not be null.");
        }
        m_imageBytes = imageBytes;
        getImage(); // KNIME reads the image once and rejects what ImageIO cannot read
    }

    public PNGImageContent(final InputStream is) throws IOException {
        this(is.readAllBytes());
    }

    public byte[] getByteArrayReference() {
        return m_imageBytes;
    }

    public byte[] getByteArray() {
        return Arrays.copyOf(m_imageBytes, m_imageBytes.length);
    }

    public Image getImage() {
        try {
            Image image = ImageIO.read(new ByteArrayInputStream(m_imageBytes));
            if (image == null) {
                throw new IllegalArgumentException("ImageIO returned null while reading image bytes");
            }
            return image;
        } catch (IOException e) {
            throw new IllegalArgumentException("Image can't be read", e);
        }
    }

    public DataCell toImageCell() {
        return new PNGImageCell(this);
    }
}
