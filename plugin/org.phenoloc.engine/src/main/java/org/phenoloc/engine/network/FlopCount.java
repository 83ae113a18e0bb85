package org.phenoloc.engine.network;

/**
 * The arithmetic of a dense scan, counted layer by layer from the architecture, so speed can be stated as achieved
 * GFLOPS and compared with the machine's matrix-multiply peak. A 3x3 convolution from {@code in} to {@code out}
 * channels costs {@code 2*9*in*out} FLOPs (a multiply and an add per weight) per output position; a fully connected
 * layer {@code 2*in*out} per scanned window. Positions per input pixel start at 1 and drop 4x per 2x2 pool (stride-1
 * pools of the a-trous pass keep them), as in {@code localisation.DenseScanner}; strides finer than the pass repeat
 * the whole pass per shift. Pools, ReLU, bias and softmax are not counted (a few percent), nor the image border and
 * the rows recomputed where bands overlap: this is the useful work of an ideal whole-image pass, so the efficiency
 * derived from it is a lower bound on how busy the arithmetic units are.
 */
public final class FlopCount {
    private FlopCount() {}

    /** FLOPs per input pixel of a scan at {@code stride} (the scanner's pass layout for that stride). */
    public static double perPixel(Architecture arch, int stride) {
        int nativeStride = arch.stride();
        boolean atrous = stride < nativeStride && nativeStride >= 2;
        int passStride = atrous ? nativeStride / 2 : nativeStride;
        int passes = stride % passStride == 0 ? 1 : (passStride / stride) * (passStride / stride);
        int lastPool = arch.convStack().lastIndexOf("p");
        double density = 1; // output positions per input pixel at the current layer
        double flops = 0;
        int channels = arch.channels();
        for (int i = 0; i < arch.convStack().size(); i++) {
            String s = arch.convStack().get(i);
            if (s.equals("p")) {
                density /= atrous && i == lastPool ? 1 : 4;
            } else {
                int filters = Integer.parseInt(s.substring(1));
                flops += 2.0 * 9 * channels * filters * density;
                channels = filters;
            }
        }
        for (int width : arch.denseWidths()) {
            flops += 2.0 * channels * width * density;
            channels = width;
        }
        flops += 2.0 * channels * arch.classes() * density;
        return flops * passes;
    }

    /** GFLOP per megapixel of scanned image at {@code stride}. */
    public static double gflopPerMegapixel(Architecture arch, int stride) {
        return perPixel(arch, stride) * 1e6 / 1e9;
    }
}
