package org.phenoloc.engine.localisation;

import org.phenoloc.engine.io.BadInputException;

/** Where windows go: all positions on a stride lattice where the window fits inside the image. */
public final class ScanGeometry {
    private ScanGeometry() {}

    public static int count(int size, int window, int stride) {
        return size < window ? 0 : (size - window) / stride + 1;
    }

    public static void check(int width, int height, int window, int stride, String image) {
        if (stride < 1) {
            throw new BadInputException("stride must be >= 1, was " + stride);
        }
        if (width < window || height < window) {
            throw new BadInputException(java.nio.file.Path.of(image), "image is " + width + "x" + height
                    + " (after scaling), smaller than the " + window + "x" + window + " window");
        }
    }
}
