package org.phenoloc.engine.localisation;

import java.util.EnumMap;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The dense scan's native buffers, reused across row bands and images. Allocating and freeing a band's activations
 * (hundreds of MB) for every band made the C library map fresh pages each time: millions of minor page faults and
 * seconds of kernel time per image. Here each slot is one flat float buffer, grown when a band needs more (the first
 * band of an image is the largest, so this happens once per image size) and handed out as a c-order view of its
 * prefix; {@link #close()} frees everything. Not thread safe: one scan at a time.
 */
final class BandBuffers implements AutoCloseable {
    /** What a buffer holds; layers alternate between the two slots of a pair, so an op never reads its output. */
    enum Slot {
        INPUT, PING, PONG, SUB, TAIL_PING, TAIL_PONG, DENSE_PING, DENSE_PONG
    }

    private final Map<Slot, INDArray> flat = new EnumMap<>(Slot.class);
    private float[] pixels = new float[0];
    private float[] values = new float[0];
    private int allocations;

    /** A c-order array of this shape over the slot's buffer (contents undefined), growing the buffer if needed. */
    INDArray view(Slot slot, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        INDArray buffer = flat.get(slot);
        if (buffer == null || buffer.length() < n) {
            if (buffer != null) {
                buffer.close();
            }
            buffer = Nd4j.createUninitialized(DataType.FLOAT, Math.max(1, n));
            flat.put(slot, buffer);
            allocations++;
        }
        return Nd4j.create(buffer.data(), shape, Nd4j.getStrides(shape, 'c'), 0, 'c', DataType.FLOAT);
    }

    /** A reusable Java array of at least n floats for a band's pixels. */
    float[] pixels(int n) {
        if (pixels.length < n) {
            pixels = new float[n];
        }
        return pixels;
    }

    /** A reusable Java array of at least n floats for a sub-grid's probabilities. */
    float[] values(int n) {
        if (values.length < n) {
            values = new float[n];
        }
        return values;
    }

    /** How many native buffers were allocated so far (grows with image size, not with bands or images). */
    int allocations() {
        return allocations;
    }

    /** Bytes of native memory held now. */
    long bytes() {
        return flat.values().stream().mapToLong(a -> a.length() * Float.BYTES).sum();
    }

    @Override
    public void close() {
        flat.values().forEach(INDArray::close);
        flat.clear();
        pixels = new float[0];
        values = new float[0];
    }
}
