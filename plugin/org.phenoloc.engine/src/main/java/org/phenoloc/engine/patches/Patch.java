package org.phenoloc.engine.patches;

/**
 * A training/testing sample: a crop around a point, stored scaled as 8-bit interleaved pixels (row-major, HWC).
 *
 * @param pixels   {@code size*size*channels} bytes
 * @param size     side of the stored crop (may exceed the window: a random window-sized crop is taken in training)
 * @param channels 1 or 3
 * @param label    class index (the model's class list; the negative class is last)
 * @param image    source image file name
 * @param x        centre in source image pixels
 * @param y        centre in source image pixels
 */
public record Patch(byte[] pixels, int size, int channels, int label, String image, double x, double y) {
    public int value(int row, int col, int c) {
        return pixels[(row * size + col) * channels + c] & 0xff;
    }
}
