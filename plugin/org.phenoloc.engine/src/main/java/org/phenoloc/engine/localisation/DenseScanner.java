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
import org.nd4j.linalg.ops.transforms.Transforms;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.network.Architecture;
import org.phenoloc.engine.network.Backend;
import org.phenoloc.engine.patches.PatchPixels;

/**
 * Scans a whole image in one fully convolutional pass per row band instead of window by window. The conv stack maps
 * a window to 1x1, so the fully connected layers are 1x1 convolutions (a matrix product per output pixel) and the
 * pass yields every window at the net's native stride (2 per pool: 4 for roots) at once, sharing all overlapping
 * work. ND4J's NHWC conv2d on oneDNN runs near the CPU's matrix-multiply peak (performance-facts.md).
 * Finer strides stitch shifted passes; coarser ones subsample. Memory is bounded by scanning bands of output rows.
 */
public final class DenseScanner implements Scanner {
    /** Rough budget for the largest activation of one band. */
    private static final long BAND_BYTES = 128L << 20;

    private final Architecture arch;
    private final List<Object> stages = new ArrayList<>(); // Conv (weights YXIO, bias) or POOL
    private final List<INDArray[]> dense = new ArrayList<>(); // {W [in,out], b [1,out]}
    private final int maxWidth;
    private final int fixedBandRows; // 0 = from the memory budget

    private record Conv(INDArray weights, INDArray bias, int filters) {}

    private static final Object POOL = new Object();

    public DenseScanner(MultiLayerNetwork net, Architecture arch) {
        this(net, arch, 0);
    }

    /** @param bandRows output rows per band (0 = chosen from a ~128 MB activation budget) */
    public DenseScanner(MultiLayerNetwork net, Architecture arch, int bandRows) {
        Backend.init();
        this.fixedBandRows = bandRows;
        this.arch = arch;
        int widest = arch.channels();
        // walk DL4J's layers by kind: conv (+ batch norm folded into it), pool, dense/output
        for (var layer : net.getLayers()) {
            var conf = layer.conf().getLayer();
            if (conf instanceof org.deeplearning4j.nn.conf.layers.ConvolutionLayer) {
                INDArray w = layer.getParam("W"); // OIYX [out, in, kH, kW]
                INDArray b = layer.getParam("b");
                stages.add(new Conv(w.dup('c'), b.reshape(b.length()).dup(), (int) w.size(0)));
                widest = Math.max(widest, (int) w.size(0));
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
        // weights to YXIO [kH, kW, in, out] for the NHWC conv2d op
        stages.replaceAll(st -> st instanceof Conv c ? new Conv(c.weights().permute(2, 3, 1, 0).dup('c'), c.bias(), c.filters()) : st);
        this.maxWidth = widest;
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
    public ProbabilityGrid scan(BufferedImage image, int stride, Progress progress) {
        int window = arch.window();
        int nativeStride = arch.stride();
        ScanGeometry.check(image.getWidth(), image.getHeight(), window, stride, "image");
        int rows = ScanGeometry.count(image.getHeight(), window, stride);
        int cols = ScanGeometry.count(image.getWidth(), window, stride);
        ProbabilityGrid grid = ProbabilityGrid.empty(rows, cols, stride, window / 2, arch.classes());
        if (stride % nativeStride == 0) {
            ProbabilityGrid full = pass(image, 0, 0, progress, 0, 1);
            int k = stride / nativeStride;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    for (int c = 0; c < arch.classes(); c++) {
                        grid.set(i, j, c, full.get(i * k, j * k, c));
                    }
                }
            }
        } else if (nativeStride % stride == 0) {
            int k = nativeStride / stride;
            int passes = k * k;
            int n = 0;
            for (int dy = 0; dy < k; dy++) {
                for (int dx = 0; dx < k; dx++, n++) {
                    if (image.getHeight() - dy * stride < window || image.getWidth() - dx * stride < window) {
                        continue;
                    }
                    ProbabilityGrid part = pass(image, dx * stride, dy * stride, progress, n / (double) passes, 1.0 / passes);
                    for (int i = 0; i < part.rows(); i++) {
                        for (int j = 0; j < part.cols(); j++) {
                            for (int c = 0; c < arch.classes(); c++) {
                                grid.set(i * k + dy, j * k + dx, c, part.get(i, j, c));
                            }
                        }
                    }
                }
            }
        } else {
            throw new org.phenoloc.engine.io.BadInputException("stride " + stride + " must divide or be a multiple of the "
                    + "network's native stride " + nativeStride);
        }
        return grid;
    }

    /** One pass at the native stride over the image shifted by (x0, y0). */
    private ProbabilityGrid pass(BufferedImage image, int x0, int y0, Progress progress, double p0, double share) {
        int window = arch.window();
        int s = arch.stride();
        int width = image.getWidth() - x0;
        int rows = ScanGeometry.count(image.getHeight() - y0, window, s);
        int cols = ScanGeometry.count(width, window, s);
        ProbabilityGrid grid = ProbabilityGrid.empty(rows, cols, s, window / 2, arch.classes());
        long bytesPerInputRow = (long) width * maxWidth * Float.BYTES;
        int band = fixedBandRows > 0 ? fixedBandRows : (int) Math.max(1, (BAND_BYTES / bytesPerInputRow - (window - s)) / s);
        for (int r0 = 0; r0 < rows; r0 += band) {
            progress.checkCancelled();
            int r = Math.min(band, rows - r0);
            int inRows = (r - 1) * s + window;
            float[] px = PatchPixels.rowsAsFloats(image, y0 + r0 * s, inRows, arch.channels(), x0, width);
            INDArray x = Nd4j.create(px, new long[] {1, inRows, width, arch.channels()}, 'c');
            INDArray probs = forward(x); // [r*cols, classes]
            float[] out = probs.data().asFloat();
            System.arraycopy(out, 0, grid.data(), r0 * cols * arch.classes(), out.length);
            progress.update(p0 + share * (r0 + r) / rows, "scanning rows " + (r0 + r) + "/" + rows);
        }
        return grid;
    }

    /** NHWC band [1, h, w, c] -> class probabilities [h'*w', classes], row-major over output positions. */
    INDArray forward(INDArray x) {
        for (Object st : stages) {
            long h = x.size(1);
            long w = x.size(2);
            if (st == POOL) {
                INDArray out = Nd4j.create(DataType.FLOAT, 1, h / 2, w / 2, x.size(3));
                Pooling2DConfig cfg = Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).pH(0).pW(0).dH(1).dW(1)
                        .paddingMode(PaddingMode.VALID).type(org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D.Pooling2DType.MAX)
                        .isNHWC(true).build();
                Nd4j.exec(new MaxPooling2D(x, out, cfg));
                x = out;
            } else {
                Conv c = (Conv) st;
                INDArray out = Nd4j.create(DataType.FLOAT, 1, h - 2, w - 2, c.filters());
                Conv2DConfig cfg = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).pH(0).pW(0).dH(1).dW(1)
                        .paddingMode(PaddingMode.VALID).dataFormat("NHWC").weightsFormat(WeightsFormat.YXIO).build();
                Nd4j.exec(new Conv2D(new INDArray[] {x, c.weights(), c.bias()}, new INDArray[] {out}, cfg));
                Transforms.relu(out, false);
                x = out;
            }
        }
        INDArray flat = x.reshape('c', x.size(1) * x.size(2), x.size(3));
        for (int i = 0; i < dense.size(); i++) {
            INDArray[] wb = dense.get(i);
            flat = flat.mmul(wb[0]).addiRowVector(wb[1]);
            if (i < dense.size() - 1) {
                Transforms.relu(flat, false);
            }
        }
        Nd4j.exec(new SoftMax(flat, flat, 1));
        return flat;
    }
}
