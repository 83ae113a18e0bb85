package org.phenoloc.engine.imageio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phenoloc.engine.io.BadInputException;

/** Image formats that used to be read wrongly or skipped without a word (issue 10). */
class ImageFormatsReliabilityTest {
    @TempDir
    Path tmp;

    private static final int R = 200;
    private static final int G = 120;
    private static final int B = 40;

    @Test
    void cmykJpegIsDecodedWithItsColours() throws IOException {
        // Adobe CMYK as Photoshop writes it: inverted ink values, APP14 transform 0; the JDK reader gets e5b66e
        Path file = adobeJpeg(new int[] {R, G, B, 255}, 0);
        assertColour(ImageFiles.readRgb(file));
    }

    @Test
    void ycckJpegIsDecodedWithItsColours() throws IOException {
        // Adobe YCCK (APP14 transform 2): the inverted inks stored as YCbCr, black as it is
        int c = 255 - R;
        int m = 255 - G;
        int y = 255 - B;
        int[] ycc = {(int) Math.round(0.299 * c + 0.587 * m + 0.114 * y),
            (int) Math.round(128 - 0.168736 * c - 0.331264 * m + 0.5 * y),
            (int) Math.round(128 + 0.5 * c - 0.418688 * m - 0.081312 * y), 255};
        assertColour(ImageFiles.readRgb(adobeJpeg(ycc, 2)));
    }

    @Test
    void theSupportedFormatsAreListedOnce() throws IOException {
        Path notImage = Files.writeString(tmp.resolve("notes.png"), "not an image");
        String msg = assertThrows(BadInputException.class, () -> ImageFiles.readRgb(notImage)).getMessage();
        String list = msg.replaceFirst(".*\\(supported: (.*)\\)$", "$1");
        List<String> formats = Arrays.asList(list.split(", "));
        assertEquals(formats.stream().distinct().count(), formats.size(), msg);
        assertTrue(formats.contains("jpeg") && formats.contains("png"), msg);
    }

    @Test
    void imagesOfUnsupportedFormatsAreListed() throws IOException {
        Files.writeString(tmp.resolve("a.gif"), "GIF89a");
        Files.writeString(tmp.resolve("b.WEBP"), "RIFF");
        Files.writeString(tmp.resolve("notes.txt"), "x");
        assertEquals(List.of("a.gif", "b.WEBP"), ImageFiles.unsupportedImages(tmp));
    }

    private static void assertColour(BufferedImage img) {
        int rgb = img.getRGB(10, 10);
        int[] got = {rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff};
        int[] want = {R, G, B};
        for (int k = 0; k < 3; k++) {
            assertTrue(Math.abs(got[k] - want[k]) <= 6, "decoded " + Arrays.toString(got) + ", wrote " + Arrays.toString(want));
        }
    }

    /** A 4-channel JPEG with an Adobe APP14 marker declaring {@code transform} (0 CMYK, 2 YCCK), flat colour. */
    private Path adobeJpeg(int[] samples, int transform) throws IOException {
        WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 32, 24, 4, null);
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 32; x++) {
                r.setPixel(x, y, samples);
            }
        }
        ImageWriter writer = null;
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext();) {
            ImageWriter w = it.next();
            if (w.getClass().getName().startsWith("com.sun.")) {
                writer = w; // the JDK's writer stores the four channels as they are
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(r, null, null), null);
        }
        byte[] jpeg = bytes.toByteArray();
        byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform};
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(jpeg, 0, 2); // SOI
        file.write(app14);
        file.write(jpeg, 2, jpeg.length - 2);
        Path p = tmp.resolve("adobe-" + transform + ".jpg");
        Files.write(p, file.toByteArray());
        return p;
    }
}
