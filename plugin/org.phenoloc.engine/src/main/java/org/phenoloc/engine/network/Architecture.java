package org.phenoloc.engine.network;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a patch classifier: a stack of unpadded 3x3 convolutions and 2x2 max pools that maps a
 * {@code window x window} patch to 1x1, followed by fully connected layers down to the classes.
 * Because the stack ends at 1x1, the fully connected layers are 1x1 convolutions and the whole net scans an
 * image densely (see {@code localisation.DenseScanner}).
 *
 * @param window      patch side in pixels (32 for roots)
 * @param channels    input channels (3 colour, 1 grey)
 * @param convStack   stages, each {@code "c<filters>"} (3x3 valid convolution + ReLU) or {@code "p"} (2x2 max pool)
 * @param denseWidths hidden fully connected widths (ReLU, dropout between them)
 * @param classes     output classes (softmax)
 * @param dropout     drop probability between fully connected layers (0.5 in the paper)
 * @param batchNorm   batch normalisation after every convolution (beyond the paper: makes SGD at the paper's
 *                    learning rate of 0.1 train reliably; folded into the convolutions for scanning)
 */
public record Architecture(int window, int channels, List<String> convStack, List<Integer> denseWidths, int classes,
        double dropout, boolean batchNorm) {

    public Architecture {
        convStack = List.copyOf(convStack);
        denseWidths = List.copyOf(denseWidths);
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 (grey) or 3 (colour), was " + channels);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("need at least 2 classes, was " + classes);
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1), was " + dropout);
        }
        int size = window;
        for (String s : convStack) {
            if (s.equals("p")) {
                if (size % 2 != 0) {
                    throw new IllegalArgumentException("pool on odd size " + size + " would ignore pixels: " + convStack);
                }
                size /= 2;
            } else if (s.matches("c\\d+")) {
                size -= 2;
            } else {
                throw new IllegalArgumentException("unknown stage '" + s + "' (use c<filters> or p)");
            }
            if (size < 1) {
                throw new IllegalArgumentException("window " + window + " shrinks below 1 in " + convStack);
            }
        }
        if (size != 1) {
            throw new IllegalArgumentException("conv stack maps window " + window + " to " + size + "x" + size
                    + ", not 1x1: " + convStack);
        }
    }

    /**
     * The paper's root-tip net: 3x3 convs 64,64,pool,128,128,pool,256,256 (32 -> 1x1), fully connected 128, 64, 2.
     * The dense widths are ours (the paper shows them only in a figure); they match our performance notes.
     */
    public static Architecture paperRoot(int channels) {
        return new Architecture(32, channels, List.of("c64", "c64", "p", "c128", "c128", "p", "c256", "c256"),
                List.of(128, 64), 2, 0.5, true);
    }

    /**
     * The paper's shoot net: three groups of 3x3 convs and pools, one final conv, three fully connected layers down to
     * 5 classes, filters 64 up to 512. Layer counts 2, 3, 3 keep every size even before a pool, so no pixel of the
     * 64x64 window is dropped: 64 -c-> 62 -c-> 60 -p-> 30 -c-> 28 -c-> 26 -c-> 24 -p-> 12 -c-> 10 -c-> 8 -c-> 6 -p->
     * 3 -c-> 1. Dense widths 512, 256 are ours.
     */
    public static Architecture paperShoot(int channels) {
        return new Architecture(64, channels, List.of("c64", "c64", "p", "c128", "c128", "c128", "p", "c256", "c256",
                "c256", "p", "c512"), List.of(512, 256), 5, 0.5, true);
    }

    /** The root layout with every width multiplied by {@code factor} (e.g. 0.5 for a fast preset). */
    public Architecture scaled(double factor) {
        List<String> stack = new ArrayList<>();
        for (String s : convStack) {
            stack.add(s.equals("p") ? s : "c" + Math.max(1, (int) Math.round(Integer.parseInt(s.substring(1)) * factor)));
        }
        List<Integer> dense = denseWidths.stream().map(w -> Math.max(1, (int) Math.round(w * factor))).toList();
        return new Architecture(window, channels, stack, dense, classes, dropout, batchNorm);
    }

    /** The same layout with another dropout between the fully connected layers (training only; scans ignore it). */
    public Architecture withDropout(double p) {
        return new Architecture(window, channels, convStack, denseWidths, classes, p, batchNorm);
    }

    /** The same layout with or without batch normalisation. */
    public Architecture withBatchNorm(boolean on) {
        return new Architecture(window, channels, convStack, denseWidths, classes, dropout, on);
    }

    /** Total input-to-output stride of the conv stack (2 per pool). */
    public int stride() {
        return 1 << convStack.stream().filter("p"::equals).count();
    }

    /** Filters of the last convolution (input width of the first dense layer). */
    public int lastConvWidth() {
        for (int i = convStack.size() - 1; i >= 0; i--) {
            if (!convStack.get(i).equals("p")) {
                return Integer.parseInt(convStack.get(i).substring(1));
            }
        }
        return channels;
    }

    @Override
    public String toString() {
        return window + "x" + window + "x" + channels + " " + String.join(",", convStack) + " | fc "
                + denseWidths + " -> " + classes + " (dropout " + dropout + (batchNorm ? ", batch norm" : "") + ")";
    }
}
