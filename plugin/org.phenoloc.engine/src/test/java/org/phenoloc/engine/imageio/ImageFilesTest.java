package org.phenoloc.engine.imageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phenoloc.engine.io.BadInputException;

class ImageFilesTest {
    /** Tests run in the engine module; the shared real data sits beside the repository. */
    private static final Path REAL_JPEG = Path.of("../../../shared/data/roots/osr-rootnav2/train/B_osr_0091.jpg");

    @TempDir
    Path tmp;

    @Test
    void greyPicturesAreToldFromColourOnes() throws IOException {
        Random rnd = new Random(3);
        BufferedImage grey = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                int v = 40 + (x + y) % 180;
                // a monochrome camera's JPEG: channels a few levels apart at most
                grey.setRGB(x, y, (v << 16) | (Math.min(255, v + rnd.nextInt(4)) << 8) | Math.max(0, v - rnd.nextInt(4)));
            }
        }
        assertTrue(ImageFiles.looksGrey(grey));
        Path png = tmp.resolve("grey8.png");
        BufferedImage g8 = new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_GRAY);
        g8.getGraphics().drawImage(grey, 0, 0, null);
        ImageIO.write(g8, "png", png.toFile());
        assertTrue(ImageFiles.looksGrey(ImageFiles.readRgb(png)), "a grey file decodes to r = g = b");
        // a grey booth with a small green plant (6% of the picture) is a colour picture
        BufferedImage plant = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        plant.getGraphics().drawImage(grey, 0, 0, null);
        java.awt.Graphics g = plant.getGraphics();
        g.setColor(new java.awt.Color(120, 150, 110));
        g.fillRect(130, 80, 60, 60);
        assertTrue(!ImageFiles.looksGrey(plant));
        BufferedImage tiny = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        tiny.setRGB(0, 0, 0x2040c0);
        assertTrue(!ImageFiles.looksGrey(tiny), "a one-pixel blue image");
    }

    @Test
    void gray8KeepsValuesWithoutGammaChange() throws IOException {
        BufferedImage img = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setPixels(0, 0, 3, 1, new int[] {0, 100, 255});
        BufferedImage rgb = ImageFiles.readRgb(writeWithImageIo(img, "gray8.png"));
        assertEquals(BufferedImage.TYPE_INT_RGB, rgb.getType());
        assertArrayEquals(new int[] {0x000000, 0x646464, 0xffffff}, row(rgb));
    }

    @Test
    void gray16IsScaledTo8Bit() throws IOException {
        BufferedImage img = new BufferedImage(4, 1, BufferedImage.TYPE_USHORT_GRAY);
        img.getRaster().setPixels(0, 0, 4, 1, new int[] {0, 100 * 257, 32768, 65535});
        Path file = writeWithImageIo(img, "gray16.png");
        assertEquals(16, ImageIO.read(file.toFile()).getColorModel().getComponentSize(0), "test file is 16-bit");
        assertArrayEquals(new int[] {0x000000, 0x646464, 0x808080, 0xffffff}, row(ImageFiles.readRgb(file)));
    }

    @Test
    void rgb16IsScaledTo8Bit() throws IOException {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(2, 1);
        raster.setPixels(0, 0, 2, 1, new int[] {65535, 0, 100 * 257, 0, 65535, 65535});
        BufferedImage img = new BufferedImage(cm, raster, false, null);
        Path file = writeWithImageIo(img, "rgb16.png");
        assertEquals(16, ImageIO.read(file.toFile()).getColorModel().getComponentSize(0), "test file is 16-bit");
        assertArrayEquals(new int[] {0xff0064, 0x00ffff}, row(ImageFiles.readRgb(file)));
    }

    @Test
    void alphaIsCompositedOverWhite() throws IOException {
        BufferedImage img = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, 0xffff0000); // opaque red
        img.setRGB(1, 0, 0x00000000); // fully transparent black
        img.setRGB(2, 0, 0x80000000); // half transparent black
        assertArrayEquals(new int[] {0xff0000, 0xffffff, 0x7f7f7f},
                row(ImageFiles.readRgb(writeWithImageIo(img, "rgba.png"))));
    }

    @Test
    void paletteColoursAreLookedUpAndTransparentEntryIsWhite() throws IOException {
        byte[] r = {(byte) 255, 0, 0, 0};
        byte[] g = {0, (byte) 255, 0, 0};
        byte[] b = {0, 0, (byte) 255, 0};
        byte[] a = {(byte) 255, (byte) 255, (byte) 255, 0};
        IndexColorModel cm = new IndexColorModel(8, 4, r, g, b, a);
        BufferedImage img = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_INDEXED, cm);
        img.getRaster().setPixels(0, 0, 4, 1, new int[] {0, 1, 2, 3});
        Path file = writeWithImageIo(img, "palette.png");
        assertTrue(ImageIO.read(file.toFile()).getColorModel() instanceof IndexColorModel, "test file is palette");
        assertArrayEquals(new int[] {0xff0000, 0x00ff00, 0x0000ff, 0xffffff}, row(ImageFiles.readRgb(file)));
    }

    @Test
    void jpegReadsAsIntRgb() throws IOException {
        Path jpg = writeNoisyJpeg("noise.jpg", 64, 48);
        BufferedImage rgb = ImageFiles.readRgb(jpg);
        assertEquals(BufferedImage.TYPE_INT_RGB, rgb.getType());
        assertEquals(64, rgb.getWidth());
        assertEquals(48, rgb.getHeight());
    }

    @Test
    void realJpegReads() {
        Assumptions.assumeTrue(Files.exists(REAL_JPEG), "shared real data not present");
        BufferedImage rgb = ImageFiles.readRgb(REAL_JPEG);
        assertEquals(BufferedImage.TYPE_INT_RGB, rgb.getType());
        assertEquals(new Dimension(1916, 2500), new Dimension(rgb.getWidth(), rgb.getHeight()));
        assertEquals(new Dimension(1916, 2500), ImageFiles.size(REAL_JPEG));
    }

    @Test
    void truncatedJpegIsRejected() throws IOException {
        Path full = writeNoisyJpeg("full.jpg", 200, 200);
        byte[] bytes = Files.readAllBytes(full);
        Path half = Files.write(tmp.resolve("half.jpg"), Arrays.copyOf(bytes, bytes.length / 2));
        BadInputException e = assertThrows(BadInputException.class, () -> ImageFiles.readRgb(half));
        assertTrue(e.getMessage().contains("half.jpg"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertEquals(half, e.file());
    }

    @Test
    void truncatedPngIsRejected() throws IOException {
        BufferedImage img = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(3);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 100; x++) {
                img.setRGB(x, y, random.nextInt());
            }
        }
        byte[] bytes = Files.readAllBytes(writeWithImageIo(img, "full.png"));
        Path half = Files.write(tmp.resolve("half.png"), Arrays.copyOf(bytes, bytes.length / 2));
        BadInputException e = assertThrows(BadInputException.class, () -> ImageFiles.readRgb(half));
        assertTrue(e.getMessage().contains("half.png"), e.getMessage());
    }

    @Test
    void textFileNamedPngIsNotAnImage() throws IOException {
        Path fake = Files.writeString(tmp.resolve("notes.png"), "this is not an image\n");
        BadInputException read = assertThrows(BadInputException.class, () -> ImageFiles.readRgb(fake));
        assertTrue(read.getMessage().contains("notes.png"), read.getMessage());
        assertTrue(read.getMessage().contains("not an image"), read.getMessage());
        BadInputException size = assertThrows(BadInputException.class, () -> ImageFiles.size(fake));
        assertTrue(size.getMessage().contains("not an image"), size.getMessage());
    }

    @Test
    void missingFileAndFolderAreRejected() throws IOException {
        Path missing = tmp.resolve("missing.jpg");
        BadInputException e = assertThrows(BadInputException.class, () -> ImageFiles.readRgb(missing));
        assertEquals(missing + ": file not found", e.getMessage());
        assertThrows(BadInputException.class, () -> ImageFiles.size(missing));
        Path dir = Files.createDirectory(tmp.resolve("folder.png"));
        BadInputException notFile = assertThrows(BadInputException.class, () -> ImageFiles.readRgb(dir));
        assertTrue(notFile.getMessage().endsWith("not a file"), notFile.getMessage());
    }

    @Test
    void zeroSizeImageIsRejected() throws IOException {
        Path png = Files.write(tmp.resolve("empty.png"), pngWithHeaderOnly(0, 5));
        BadInputException e = assertThrows(BadInputException.class, () -> ImageFiles.readRgb(png));
        assertTrue(e.getMessage().contains("empty.png"), e.getMessage());
        assertThrows(BadInputException.class, () -> ImageFiles.size(png));
    }

    @Test
    void sizeReadsTheHeader() throws IOException {
        Path file = writeWithImageIo(new BufferedImage(7, 5, BufferedImage.TYPE_BYTE_GRAY), "small.png");
        assertEquals(new Dimension(7, 5), ImageFiles.size(file));
        // the header alone is enough: a file cut after the header still reports its size
        byte[] bytes = Files.readAllBytes(writeNoisyJpeg("big.jpg", 300, 200));
        Path cut = Files.write(tmp.resolve("cut.jpg"), Arrays.copyOf(bytes, 1000));
        assertEquals(new Dimension(300, 200), ImageFiles.size(cut));
    }

    @Test
    void writePngRoundTripsAndLeavesNoTempFile() throws IOException {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0x123456);
        img.setRGB(2, 1, 0xfedcba);
        Path out = tmp.resolve("sub/out.png");
        ImageFiles.writePng(out, img);
        BufferedImage back = ImageFiles.readRgb(out);
        assertEquals(0x123456, back.getRGB(0, 0) & 0xffffff);
        assertEquals(0xfedcba, back.getRGB(2, 1) & 0xffffff);
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList());
        }
    }

    /** The 8-bit fast path (JPEG's BGR bytes, 8-bit grey) gives exactly the stored samples, every pixel. */
    @Test
    void toRgbKeepsEightBitSamplesExactly() {
        java.util.Random random = new java.util.Random(3);
        BufferedImage bgr = new BufferedImage(61, 17, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage grey = new BufferedImage(61, 17, BufferedImage.TYPE_BYTE_GRAY);
        byte[] greyBytes = ((java.awt.image.DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        random.nextBytes(greyBytes);
        for (int y = 0; y < 17; y++) {
            for (int x = 0; x < 61; x++) {
                bgr.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        BufferedImage fromBgr = ImageFiles.toRgb(bgr);
        BufferedImage fromGrey = ImageFiles.toRgb(grey);
        for (int y = 0; y < 17; y++) {
            for (int x = 0; x < 61; x++) {
                assertEquals(bgr.getRGB(x, y) & 0xffffff, fromBgr.getRGB(x, y) & 0xffffff, "bgr " + x + "," + y);
                int v = greyBytes[y * 61 + x] & 0xff;
                assertEquals(v << 16 | v << 8 | v, fromGrey.getRGB(x, y) & 0xffffff, "grey " + x + "," + y);
            }
        }
    }

    /**
     * The encoder compresses large images in parallel segments and reads rasters directly: every pixel of a noisy
     * image big enough for several segments, of a sub-image (offset raster, as the benchmark's crops) and of the
     * other image types we write must come back exactly.
     */
    @Test
    void writePngIsLosslessForLargeImagesSubImagesAndOtherTypes() throws IOException {
        java.util.Random random = new java.util.Random(7);
        BufferedImage big = new BufferedImage(1500, 1100, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < big.getHeight(); y++) {
            for (int x = 0; x < big.getWidth(); x++) {
                big.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        BufferedImage bgr = new BufferedImage(40, 30, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage argb = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                bgr.setRGB(x, y, big.getRGB(x, y));
                argb.setRGB(x, y, big.getRGB(x, y) | 0xff000000);
            }
        }
        var cases = java.util.Map.of("big.png", big, "sub.png", big.getSubimage(333, 222, 517, 301), "bgr.png", bgr,
                "argb.png", argb);
        for (var e : cases.entrySet()) {
            Path out = tmp.resolve(e.getKey());
            ImageFiles.writePng(out, e.getValue());
            BufferedImage back = ImageFiles.readRgb(out);
            BufferedImage want = e.getValue();
            assertEquals(want.getWidth(), back.getWidth(), e.getKey());
            assertEquals(want.getHeight(), back.getHeight(), e.getKey());
            for (int y = 0; y < want.getHeight(); y++) {
                for (int x = 0; x < want.getWidth(); x++) {
                    if ((want.getRGB(x, y) & 0xffffff) != (back.getRGB(x, y) & 0xffffff)) {
                        throw new AssertionError(e.getKey() + ": pixel " + x + "," + y + " differs");
                    }
                }
            }
        }
    }

    @Test
    void writePngIntoAFileInPlaceOfAFolderNamesTheFile() throws IOException {
        Path blocker = Files.writeString(tmp.resolve("blocker"), "x");
        Path out = blocker.resolve("out.png");
        java.io.UncheckedIOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
                () -> ImageFiles.writePng(out, new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB)));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(out.toString()), e.getMessage());
    }

    @Test
    void listImagesFiltersAndSorts() throws IOException {
        for (String name : List.of("e.bmp", "b.jpg", "a.PNG", "c.JPEG", "d.tif", "f.TIFF", "notes.txt", "b.rsml",
                ".hidden.jpg", "noext")) {
            Files.writeString(tmp.resolve(name), "x");
        }
        Files.createDirectory(tmp.resolve("dir.jpg"));
        assertEquals(Stream.of("a.PNG", "b.jpg", "c.JPEG", "d.tif", "e.bmp", "f.TIFF").map(tmp::resolve).toList(),
                ImageFiles.listImages(tmp));
    }

    @Test
    void listImagesRejectsMissingFolderAndFile() throws IOException {
        Path missing = tmp.resolve("nope");
        BadInputException e = assertThrows(BadInputException.class, () -> ImageFiles.listImages(missing));
        assertEquals(missing + ": folder not found", e.getMessage());
        Path file = Files.writeString(tmp.resolve("file.txt"), "x");
        e = assertThrows(BadInputException.class, () -> ImageFiles.listImages(file));
        assertEquals(file + ": not a folder", e.getMessage());
    }

    private Path writeWithImageIo(BufferedImage img, String name) throws IOException {
        Path file = tmp.resolve(name);
        assertTrue(ImageIO.write(img, "png", file.toFile()), "ImageIO wrote " + name);
        return file;
    }

    private Path writeNoisyJpeg(String name, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, random.nextInt());
            }
        }
        Path file = tmp.resolve(name);
        assertTrue(ImageIO.write(img, "jpg", file.toFile()));
        return file;
    }

    private static int[] row(BufferedImage img) {
        int[] rgb = img.getRGB(0, 0, img.getWidth(), 1, null, 0, img.getWidth());
        return Arrays.stream(rgb).map(v -> v & 0xffffff).toArray();
    }

    /** A PNG signature and IHDR chunk (8-bit gray) with the given size, no image data. */
    private static byte[] pngWithHeaderOnly(int w, int h) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        DataOutputStream c = new DataOutputStream(chunk);
        c.write("IHDR".getBytes(StandardCharsets.US_ASCII));
        c.writeInt(w);
        c.writeInt(h);
        c.write(new byte[] {8, 0, 0, 0, 0});
        byte[] data = chunk.toByteArray();
        out.writeInt(data.length - 4);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(data);
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }
}
