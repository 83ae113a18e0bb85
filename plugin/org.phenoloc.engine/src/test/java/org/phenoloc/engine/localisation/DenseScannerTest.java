package org.phenoloc.engine.localisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Random;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.network.Architecture;
import org.phenoloc.engine.network.NetworkFactory;

/** The dense fully convolutional scan must give the same probabilities as classifying every window on its own. */
class DenseScannerTest {
    static Architecture arch;
    static MultiLayerNetwork net;

    @BeforeAll
    static void buildNet() {
        // narrower than the paper's so the test is quick; the same code path handles any widths
        arch = Architecture.paperRoot(3).scaled(0.25);
        org.junit.jupiter.api.Assertions.assertTrue(arch.batchNorm(), "default net has batch norm: the folding path is tested");
        net = NetworkFactory.build(arch, new StepSchedule(ScheduleType.EPOCH, 0.1, 0.1, 1), 0.9, 0, 7);
        // spread the random weights so probabilities are far from 0.5 and differences would show
        net.setParams(net.params().mul(1.5)); // spread probabilities away from 0.5 so differences would show
        // give the batch-norm layers non-trivial statistics so folding them into the convolutions is tested
        Random r = new Random(11);
        for (var layer : net.getLayers()) {
            if (layer.conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.BatchNormalization) {
                for (String k : layer.paramTable().keySet()) {
                    var p = layer.getParam(k);
                    for (long i = 0; i < p.length(); i++) {
                        double v = switch (k) {
                            case "gamma" -> 0.5 + r.nextDouble();
                            case "var" -> 0.2 + r.nextDouble();
                            case "log10stdev" -> r.nextDouble() * 0.6 - 0.3;
                            default -> r.nextGaussian() * 0.3;
                        };
                        p.putScalar(i, v);
                    }
                    layer.setParam(k, p);
                }
            }
        }
    }

    static BufferedImage randomImage(int w, int h, long seed) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // smooth structure plus noise, so neighbouring windows differ but not randomly
                int v = (int) (127 + 60 * Math.sin(x / 7.0) * Math.cos(y / 5.0) + r.nextInt(60) - 30);
                img.setRGB(x, y, (Math.max(0, Math.min(255, v)) << 16) | (r.nextInt(256) << 8) | (255 - Math.max(0, Math.min(255, v))));
            }
        }
        return img;
    }

    @Test
    void denseEqualsNaiveAtStride4() {
        BufferedImage img = randomImage(131, 97, 1); // widths not multiples of 4: exercises the edges
        ProbabilityGrid naive = new NaiveScanner(net, arch).scan(img, 4, Progress.NONE);
        ProbabilityGrid dense = new DenseScanner(net, arch).scan(img, 4, Progress.NONE);
        assertEquals((131 - 32) / 4 + 1, dense.cols());
        assertEquals((97 - 32) / 4 + 1, dense.rows());
        double spread = 0;
        for (int i = 0; i < naive.data().length; i += 2) {
            spread = Math.max(spread, Math.abs(naive.data()[i] - 0.5));
        }
        assertTrue(spread > 0.05, "test net too flat to show differences: " + spread);
        assertTrue(dense.maxAbsDifference(naive) < 1e-4, "max |p diff| = " + dense.maxAbsDifference(naive));
    }

    @Test
    void finerAndCoarserStridesMatchNaive() {
        BufferedImage img = randomImage(70, 61, 2);
        for (int stride : new int[] {1, 2, 8}) {
            ProbabilityGrid naive = new NaiveScanner(net, arch).scan(img, stride, Progress.NONE);
            ProbabilityGrid dense = new DenseScanner(net, arch).scan(img, stride, Progress.NONE);
            assertTrue(dense.maxAbsDifference(naive) < 1e-4, "stride " + stride + ": " + dense.maxAbsDifference(naive));
        }
    }

    @Test
    void bandsDoNotChangeResults() {
        // a tall image forces several bands only when it is big; compare a band-split scan with a one-band scan
        BufferedImage img = randomImage(40, 400, 3);
        ProbabilityGrid naive = new NaiveScanner(net, arch).scan(img, 4, Progress.NONE);
        ProbabilityGrid dense = new DenseScanner(net, arch, 5).scan(img, 4, Progress.NONE);
        assertTrue(dense.maxAbsDifference(naive) < 1e-4, "banded: " + dense.maxAbsDifference(naive));
    }

    @Test
    void shootNetWithThreePoolsGetsStride4ByStitchingShiftedPasses() {
        Architecture shoot = Architecture.paperShoot(3).scaled(0.125);
        assertEquals(8, shoot.stride());
        MultiLayerNetwork shootNet = NetworkFactory.build(shoot, new StepSchedule(ScheduleType.EPOCH, 0.1, 0.1, 1), 0.9, 0, 5);
        shootNet.setParams(shootNet.params().mul(1.5));
        BufferedImage img = randomImage(101, 90, 6);
        ProbabilityGrid naive = new NaiveScanner(shootNet, shoot).scan(img, 4, Progress.NONE);
        ProbabilityGrid dense = new DenseScanner(shootNet, shoot).scan(img, 4, Progress.NONE);
        assertEquals((101 - 64) / 4 + 1, dense.cols());
        assertEquals(5, dense.classes());
        assertTrue(dense.maxAbsDifference(naive) < 1e-4, "shoot stride 4: " + dense.maxAbsDifference(naive));
        // one output row per band: the a-trous pass must cope with bands that have no odd sub-grid
        ProbabilityGrid banded = new DenseScanner(shootNet, shoot, 1).scan(img, 4, Progress.NONE);
        assertTrue(banded.maxAbsDifference(naive) < 1e-4, "one-row bands: " + banded.maxAbsDifference(naive));
    }

    @Test
    void buffersAreReusedAcrossBandsAndImagesWithoutChangingResults() {
        BufferedImage small = randomImage(70, 61, 6);
        BufferedImage tall = randomImage(90, 300, 7);
        try (DenseScanner reused = new DenseScanner(net, arch, 5)) {
            ProbabilityGrid first = reused.scan(tall, 4, Progress.NONE);
            int allocations = reused.bufferAllocations();
            // more images of the same size or smaller (and a-trous passes) reuse the same native buffers
            ProbabilityGrid again = reused.scan(tall, 4, Progress.NONE);
            ProbabilityGrid smaller = reused.scan(small, 4, Progress.NONE);
            assertEquals(allocations, reused.bufferAllocations(), "same-size or smaller scans must not allocate");
            assertEquals(0.0, again.maxAbsDifference(first), "reused buffers changed the result");
            ProbabilityGrid fresh = new DenseScanner(net, arch).scan(small, 4, Progress.NONE);
            assertTrue(smaller.maxAbsDifference(fresh) < 1e-6, "after a larger image: " + smaller.maxAbsDifference(fresh));
            ProbabilityGrid fine = reused.scan(small, 2, Progress.NONE);
            assertTrue(fine.maxAbsDifference(new NaiveScanner(net, arch).scan(small, 2, Progress.NONE)) < 1e-4);
            reused.close(); // frees the buffers; the scanner still works afterwards
            assertEquals(0.0, reused.scan(tall, 4, Progress.NONE).maxAbsDifference(first));
        }
    }

    @Test
    void rejectsBadStrideAndSmallImage() {
        DenseScanner dense = new DenseScanner(net, arch);
        assertThrows(BadInputException.class, () -> dense.scan(randomImage(64, 64, 4), 3, Progress.NONE));
        assertThrows(BadInputException.class, () -> dense.scan(randomImage(64, 64, 4), 0, Progress.NONE));
        BadInputException e = assertThrows(BadInputException.class, () -> dense.scan(randomImage(20, 64, 4), 4, Progress.NONE));
        assertTrue(e.getMessage().contains("smaller than the 32x32 window"), e.getMessage());
    }

    @Test
    void cancellationStopsTheScan() {
        Progress cancelled = new Progress() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(Progress.CancelledException.class,
                () -> new DenseScanner(net, arch).scan(randomImage(64, 64, 5), 4, cancelled));
        Nd4j.getMemoryManager().invokeGc();
    }
}
