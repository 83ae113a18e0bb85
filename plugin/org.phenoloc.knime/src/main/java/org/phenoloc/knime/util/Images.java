package org.phenoloc.knime.util;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.data.image.png.PNGImageValue;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.patches.Patch;

/** PNG cells: images and patches in and out. */
public final class Images {
    private Images() {
    }

    /** PNG bytes, encoded as the command line writes its pictures ({@link ImageFiles#encodePng}: fast, lossless). */
    public static byte[] pngBytes(final BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageFiles.encodePng(image, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A PNG cell. Made through PNGImageContent, whose byte[] constructor declares no checked exception in any KNIME
     * version (PNGImageCellFactory.create(byte[]) is declared with IOException in the knime-core sources we checked).
     */
    public static DataCell pngCell(final BufferedImage image) {
        return new PNGImageContent(pngBytes(image)).toImageCell();
    }

    /** A patch's stored pixels as a PNG cell: 8-bit grey for 1 channel, RGB for 3 (lossless). */
    public static DataCell patchCell(final Patch p) {
        int n = p.size();
        BufferedImage img;
        if (p.channels() == 1) {
            img = new BufferedImage(n, n, BufferedImage.TYPE_BYTE_GRAY);
            img.getRaster().setDataElements(0, 0, n, n, p.pixels().clone());
        } else {
            img = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
            int[] rgb = new int[n * n];
            byte[] px = p.pixels();
            for (int i = 0; i < rgb.length; i++) {
                rgb[i] = (px[3 * i] & 0xff) << 16 | (px[3 * i + 1] & 0xff) << 8 | (px[3 * i + 2] & 0xff);
            }
            img.setRGB(0, 0, n, n, rgb, 0, n);
        }
        return pngCell(img);
    }

    /**
     * A patch back from its PNG cell. Grey PNGs give 1 channel, colour PNGs 3.
     *
     * @throws BadInputException if the cell is missing, not square or not readable (names the row)
     */
    public static Patch patch(final DataRow row, final int col, final int label, final String image, final double x,
        final double y) {
        DataCell c = row.getCell(col);
        if (c.isMissing()) {
            throw new BadInputException("row '" + row.getKey() + "': the patch image is missing");
        }
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(((PNGImageValue)c).getImageContent().getByteArrayReference()));
        } catch (IOException e) {
            throw new BadInputException("row '" + row.getKey() + "': the patch is not a readable PNG: "
                + e.getMessage());
        }
        if (img == null || img.getWidth() != img.getHeight()) {
            throw new BadInputException("row '" + row.getKey() + "': the patch must be a square PNG image, got "
                + (img == null ? "an unreadable image" : img.getWidth() + " x " + img.getHeight()));
        }
        int n = img.getWidth();
        boolean grey = img.getRaster().getNumBands() == 1;
        byte[] px = new byte[n * n * (grey ? 1 : 3)];
        if (grey) {
            int[] v = img.getRaster().getPixels(0, 0, n, n, (int[])null);
            for (int i = 0; i < v.length; i++) {
                px[i] = (byte)v[i];
            }
        } else {
            int[] rgb = img.getRGB(0, 0, n, n, null, 0, n);
            for (int i = 0; i < rgb.length; i++) {
                px[3 * i] = (byte)(rgb[i] >> 16);
                px[3 * i + 1] = (byte)(rgb[i] >> 8);
                px[3 * i + 2] = (byte)rgb[i];
            }
        }
        return new Patch(px, n, grey ? 1 : 3, label, image, x, y);
    }
}
