package org.phenoloc.engine.localisation;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.MaxPooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.localisation.BandBuffers.Slot;
import org.phenoloc.engine.network.Architecture;
import org.phenoloc.engine.network.Backend;
import org.phenoloc.engine.patches.PatchPixels;

/**
 * Scans a whole image in one fully convolutional pass per row band instead of window by window. The conv stack maps
 * a window to 1x1, so the fully connected layers are 1x1 convolutions (a matrix product per output pixel) and the
 * pass yields every window at the net's native stride (2 per pool: 4 for roots) at once, sharing all overlapping
 * work. ND4J's NHWC conv2d on oneDNN runs near the CPU's matrix-multiply peak (performance-facts.md).
 * Finer strides stitch shifted passes; coarser ones subsample. Memory is bounded by scanning bands of output rows;
 * their native buffers are reused across bands and images ({@link BandBuffers}) until {@link #close()}.
 */
public final class DenseScanner implements Scanner {
    /** Budget for the largest activation of one band (a few of these are alive at once). */
    private static final long BAND_BYTES = 192L << 20;

    private final Architecture arch;
    private final List<Object> stages = new ArrayList<>(); // Conv (weights YXIO, bias) or POOL
    private final List<INDArray[]> dense = new ArrayList<>(); // {W [in,out], b [1,out]}
    private final double floatsPerInputPixel;
    private final int fixedBandRows; // 0 = from the memory budget
    private final BandBuffers buffers = new BandBuffers();

    private record Conv(INDArray weights, INDArray bias, int filters) {}

    private static final Object POOL = new Object();

    public DenseScanner(MultiLayerNetwork net, Architecture arch) {
        this(net, arch, 0);
    }

    /** @param bandRows output rows per band (0 = chosen from a ~192 MB activation budget) */
    public DenseScanner(MultiLayerNetwork net, Architecture arch, int bandRows) {
        Backend.init();
        this.fixedBandRows = bandRows;
        this.arch = arch;
        // walk DL4J's layers by kind: conv (+ batch norm folded into it), pool, dense/output
        for (var layer : net.getLayers()) {
            var conf = layer.conf().getLayer();
            if (conf instanceof org.deeplearning4j.nn.conf.layers.ConvolutionLayer) {
                INDArray w = layer.getParam("W"); // OIYX [out, in, kH, kW]
                INDArray b = layer.getParam("b");
                stages.add(new Conv(w.dup('c'), b.reshape(b.length()).dup(), (int) w.size(0)));
            } else if (conf instanceof org.deeplearning4j.nn.conf.layers.BatchNormalization bn) {
                Conv c = (Conv) stages.remove(stages.size() - 1);
                stages.add(foldBatchNorm(c, layer, bn.getEps()));
            } else if (conf instanceof org.deeplearning4j.nn.conf.layers.SubsamplingLayer) {
                stages.add(POOL);
            } else if (conf instanceof org.deeplearning4j.nn.conf.layers.ActivationLayer) {
                continue; // the ReLU after each (batch-normalised) convolution is applied in forward()
            } else {
                INDArray w = layer.getParam("W");
                INDArray b = layer.getParam("b");
                dense.add(new INDArray[] {w.dup('c'), b.reshape(1, b.length()).dup()});
            }
        }
        // activation floats per input pixel: deeper maps are wider but 4x smaller per pool
        double perPixel = arch.channels();
        int pools = 0;
        for (Object st : stages) {
            if (st == POOL) {
                pools++;
            } else {
                perPixel = Math.max(perPixel, ((Conv) st).filters() / Math.pow(4, pools));
            }
        }
        this.floatsPerInputPixel = perPixel;
        // weights to YXIO [kH, kW, in, out] for the NHWC conv2d op
        stages.replaceAll(st -> st instanceof Conv c ? new Conv(c.weights().permute(2, 3, 1, 0).dup('c'), c.bias(), c.filters()) : st);
    }

    /** y = gamma * (conv(x) - mean) / std + beta  ==  conv'(x) with W' = W * gamma/std, b' = (b - mean) * gamma/std + beta. */
    private static Conv foldBatchNorm(Conv c, org.deeplearning4j.nn.api.Layer bn, double eps) {
        INDArray gamma = bn.getParam("gamma").reshape(c.filters());
        INDArray beta = bn.getParam("beta").reshape(c.filters());
        INDArray mean = bn.getParam("mean").reshape(c.filters());
        // as DL4J computes it at inference: var = (10^log10stdev)^2 (or the stored var), std = sqrt(var + eps)
        INDArray var = bn.paramTable().containsKey("log10stdev")
                ? Transforms.pow(Nd4j.valueArrayOf(c.filters(), 10.0f), bn.getParam("log10stdev").reshape(c.filters()), true)
                        .muli(Transforms.pow(Nd4j.valueArrayOf(c.filters(), 10.0f), bn.getParam("log10stdev").reshape(c.filters()), true))
                : bn.getParam("var").reshape(c.filters()).dup();
        INDArray std = Transforms.sqrt(var.addi(eps), false);
        INDArray scale = gamma.div(std); // [out]
        INDArray w = c.weights().dup('c');
        for (int o = 0; o < c.filters(); o++) {
            w.slice(o).muli(scale.getDouble(o));
        }
        INDArray b = c.bias().sub(mean).muli(scale).addi(beta);
        return new Conv(w, b, c.filters());
    }

    @Override
    public synchronized ProbabilityGrid scan(BufferedImage image, int stride, Progress progress) {
        int window = arch.window();
        int nativeStride = arch.stride();
        ScanGeometry.check(image.getWidth(), image.getHeight(), window, stride, "image");
        if (stride % nativeStride != 0 && nativeStride % stride != 0) {
            throw new org.phenoloc.engine.io.BadInputException("stride " + stride + " must divide or be a multiple of the "
                    + "network's native stride " + nativeStride);
        }
        // a pass runs at the native stride, or at half of it with the last pool "a trous" (stride 1, later convs
        // dilated by 2): one a-trous pass replaces four shifted passes and repeats only the layers after the last pool
        boolean atrous = stride < nativeStride && nativeStride >= 2;
        int passStride = atrous ? nativeStride / 2 : nativeStride;
        int rows = ScanGeometry.count(image.getHeight(), window, stride);
        int cols = ScanGeometry.count(image.getWidth(), window, stride);
        ProbabilityGrid grid = ProbabilityGrid.empty(rows, cols, stride, window / 2, arch.classes());
        if (stride % passStride == 0) {
            ProbabilityGrid full = pass(image, 0, 0, atrous, passStride, progress, 0, 1);
            int k = stride / passStride;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    for (int c = 0; c < arch.classes(); c++) {
                        grid.set(i, j, c, full.get(i * k, j * k, c));
                    }
                }
            }
        } else {
            // finer than the a-trous stride: stitch k x k shifted passes
            int k = passStride / stride;
            int passes = k * k;
            int n = 0;
            for (int dy = 0; dy < k; dy++) {
                for (int dx = 0; dx < k; dx++, n++) {
                    if (image.getHeight() - dy * stride < window || image.getWidth() - dx * stride < window) {
                        continue;
                    }
                    ProbabilityGrid part = pass(image, dx * stride, dy * stride, atrous, passStride, progress,
                            n / (double) passes, 1.0 / passes);
                    for (int i = 0; i < part.rows(); i++) {
                        for (int j = 0; j < part.cols(); j++) {
                            for (int c = 0; c < arch.classes(); c++) {
                                grid.set(i * k + dy, j * k + dx, c, part.get(i, j, c));
                            }
                        }
                    }
                }
            }
        }
        return grid;
    }

    /** One pass at stride s (native, or half of it a trous) over the image shifted by (x0, y0). */
    private ProbabilityGrid pass(BufferedImage image, int x0, int y0, boolean atrous, int s, Progress progress, double p0,
            double share) {
        int window = arch.window();
        int width = image.getWidth() - x0;
        int rows = ScanGeometry.count(image.getHeight() - y0, window, s);
        int cols = ScanGeometry.count(width, window, s);
        ProbabilityGrid grid = ProbabilityGrid.empty(rows, cols, s, window / 2, arch.classes());
        long bytesPerInputRow = (long) Math.ceil(width * floatsPerInputPixel * Float.BYTES);
        int band = fixedBandRows > 0 ? fixedBandRows : (int) Math.max(1, (BAND_BYTES / bytesPerInputRow - (window - s)) / s);
        for (int r0 = 0; r0 < rows; r0 += band) {
            progress.checkCancelled();
            int r = Math.min(band, rows - r0);
            int inRows = (r - 1) * s + window;
            int n = inRows * width * arch.channels();
            float[] px = PatchPixels.rowsAsFloats(image, y0 + r0 * s, inRows, arch.channels(), x0, width, buffers.pixels(n));
            INDArray x = buffers.view(Slot.INPUT, 1, inRows, width, arch.channels());
            x.data().asNioFloat().put(px, 0, n);
            long written = forward(x, atrous, grid.data(), r0 * cols * arch.classes());
            if (written != (long) r * cols * arch.classes()) {
                throw new IllegalStateException("dense pass produced " + written / arch.classes() + " windows, expected "
                        + r + "x" + cols);
            }
            progress.update(p0 + share * (r0 + r) / rows, "scanning rows " + (r0 + r) + "/" + rows);
        }
        return grid;
    }

    /**
     * NHWC band [1, h, w, c] -> class probabilities, row-major over output positions, written to {@code dst} from
     * {@code offset}; returns how many values were written. Every activation lives in a reused buffer.
     * A trous: the last pool runs at stride 1 and everything after it is a dilation-2 network, computed as the plain
     * layers on each of the four row/column parity sub-grids (exactly equivalent, and oneDNN has no dilated kernel
     * for this layout here); the four results are interleaved.
     */
    private long forward(INDArray x, boolean atrous, float[] dst, int offset) {
        int lastPool = stages.lastIndexOf(POOL);
        if (!atrous || lastPool < 0) {
            INDArray p = tail(run(x, 0, stages.size(), false, Slot.PING, Slot.PONG));
            p.data().asNioFloat().get(0, dst, offset, (int) p.length());
            return p.length();
        }
        INDArray pooled = run(x, 0, lastPool + 1, true, Slot.PING, Slot.PONG); // [1, H, W, C], last pool at stride 1
        long h = pooled.size(1);
        long w = pooled.size(2);
        int nConv = stages.size() - lastPool - 1;
        long outH = h - 4L * nConv;
        long outW = w - 4L * nConv;
        int k = arch.classes();
        for (int py = 0; py < 2; py++) {
            for (int px = 0; px < 2; px++) {
                if ((outH - py + 1) / 2 <= 0 || (outW - px + 1) / 2 <= 0) {
                    continue; // a band one output row (or column) high has no odd sub-grid
                }
                INDArray view = pooled.get(NDArrayIndex.all(), NDArrayIndex.interval(py, 2, h),
                        NDArrayIndex.interval(px, 2, w), NDArrayIndex.all());
                INDArray sub = buffers.view(Slot.SUB, view.shape()).assign(view);
                INDArray p = tail(run(sub, lastPool + 1, stages.size(), false, Slot.TAIL_PING, Slot.TAIL_PONG));
                long subW = (outW - px + 1) / 2;
                int count = (int) (p.length() / k);
                float[] v = buffers.values(count * k);
                p.data().asNioFloat().get(0, v, 0, count * k);
                for (int n = 0; n < count; n++) {
                    long i = 2 * (n / subW) + py;
                    long j = 2 * (n % subW) + px;
                    System.arraycopy(v, n * k, dst, (int) (offset + (i * outW + j) * k), k);
                }
            }
        }
        return outH * outW * k;
    }

    /** Runs stages [from, to) on x, alternating outputs between slots a and b; a stride-1 last pool if {@code poolStride1}. */
    private INDArray run(INDArray x, int from, int to, boolean poolStride1, Slot a, Slot b) {
        for (int i = from; i < to; i++) {
            Object st = stages.get(i);
            long h = x.size(1);
            long w = x.size(2);
            Slot slot = (i - from) % 2 == 0 ? a : b;
            INDArray out;
            if (st == POOL) {
                int step = poolStride1 && i == to - 1 ? 1 : 2;
                out = buffers.view(slot, 1, (h - 2) / step + 1, (w - 2) / step + 1, x.size(3));
                Pooling2DConfig cfg = Pooling2DConfig.builder().kH(2).kW(2).sH(step).sW(step).pH(0).pW(0).dH(1).dW(1)
                        .paddingMode(PaddingMode.VALID).type(org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D.Pooling2DType.MAX)
                        .isNHWC(true).build();
                Nd4j.exec(new MaxPooling2D(x, out, cfg));
            } else {
                Conv c = (Conv) st;
                out = buffers.view(slot, 1, h - 2, w - 2, c.filters());
                Conv2DConfig cfg = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).pH(0).pW(0).dH(1).dW(1)
                        .paddingMode(PaddingMode.VALID).dataFormat("NHWC").weightsFormat(WeightsFormat.YXIO).build();
                Nd4j.exec(new Conv2D(new INDArray[] {x, c.weights(), c.bias()}, new INDArray[] {out}, cfg));
                Transforms.relu(out, false);
            }
            x = out;
        }
        return x;
    }

    /** The fully connected layers as a matrix product per output position, then softmax: [positions, classes]. */
    private INDArray tail(INDArray x) {
        long positions = x.size(1) * x.size(2);
        INDArray flat = Nd4j.create(x.data(), new long[] {positions, x.size(3)}, new long[] {x.size(3), 1}, 0, 'c',
                DataType.FLOAT);
        for (int i = 0; i < dense.size(); i++) {
            INDArray[] wb = dense.get(i);
            INDArray next = buffers.view(i % 2 == 0 ? Slot.DENSE_PING : Slot.DENSE_PONG, positions, wb[0].size(1));
            Nd4j.gemm(flat, wb[0], next, false, false, 1.0, 0.0);
            next.addiRowVector(wb[1]);
            flat = next;
            if (i < dense.size() - 1) {
                Transforms.relu(flat, false);
            }
        }
        Nd4j.exec(new SoftMax(flat, flat, 1));
        return flat;
    }

    /** How many native buffers this scanner allocated so far: grows with image size, not with bands or images. */
    int bufferAllocations() {
        return buffers.allocations();
    }

    /** Bytes of native memory held for reuse now. */
    public long bufferBytes() {
        return buffers.bytes();
    }

    /** Frees the reused native buffers; the scanner stays usable (it allocates again on the next scan). */
    @Override
    public synchronized void close() {
        buffers.close();
    }
}
