package org.phenoloc.engine.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.nio.file.Path;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.phenoloc.engine.Task;
import org.phenoloc.engine.annotations.Feature;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.network.Architecture;
import org.phenoloc.engine.network.FullyConvolutional;
import org.phenoloc.engine.synthetic.RootSystemConfig;
import org.phenoloc.engine.synthetic.RootSystemGenerator;
import org.phenoloc.engine.synthetic.SyntheticRootImage;

/** Dense (fully convolutional) training: crops, labels, a training step, the whole loop with calibration. */
class DenseTrainingTest {
    static final Architecture ARCH = Architecture.paperRoot(3).scaled(0.125);
    static final List<String> CLASSES = Task.ROOTS.classes();

    static DenseCrops.Source synthetic(long seed) {
        SyntheticRootImage s = RootSystemGenerator.generate(new RootSystemConfig(256, 256, 2, 2, 0.3, 0.2, seed));
        return DenseCrops.source("syn" + seed + ".png", s.image(), s.features(), 1.0);
    }

    @Test
    void cellsAreLabelledByDistanceToTheNearestFeature() {
        DenseCrops.Source src = synthetic(1);
        // the paper's half-window ring, whose area is larger than the positive disc's
        DenseTrainingConfig cfg = DenseTrainingConfig.defaults().withCells(8).withRadii(0.15, 0.5);
        DenseCrops crops = new DenseCrops(ARCH, CLASSES, cfg, List.of(src));
        DataSet b = crops.batch(16, new Random(3));
        int cells = cfg.cells();
        assertArrayEquals(new long[] {16, 3, crops.cropSize(), crops.cropSize()}, b.getFeatures().shape());
        assertArrayEquals(new long[] {16, 2, cells, cells}, b.getLabels().shape());
        assertArrayEquals(new long[] {16, 1, cells, cells}, b.getLabelsMaskArray().shape());
        int positives = 0;
        int ignored = 0;
        for (int n = 0; n < 16; n++) {
            for (int i = 0; i < cells; i++) {
                for (int j = 0; j < cells; j++) {
                    double tip = b.getLabels().getDouble(n, 0, i, j);
                    double neg = b.getLabels().getDouble(n, 1, i, j);
                    assertEquals(1.0, tip + neg, 1e-9, "one-hot");
                    positives += tip > 0 ? 1 : 0;
                    if (b.getLabelsMaskArray().getDouble(n, 0, i, j) == 0) {
                        ignored++;
                        assertEquals(1.0, neg, "ignored cells are never positive");
                    }
                }
            }
        }
        assertTrue(positives > 0, "half the crops are placed on tips, so some cells must be positive");
        assertTrue(ignored > positives, "the ignore ring is wider than the positive disc: " + ignored + " vs " + positives);
    }

    @Test
    void withoutAugmentationACropOnATipLabelsTheCellOverIt() {
        // one tip in the middle of a blank image; crops always on a feature, no rotation: the tip lies at a cell centre
        // only by chance, but a cell within the positive radius must exist whenever the tip is inside the cell lattice
        var img = new java.awt.image.BufferedImage(200, 200, java.awt.image.BufferedImage.TYPE_INT_RGB);
        DenseCrops.Source src = DenseCrops.source("one.png", img, List.of(new Feature("root_tip", 100, 100)), 1.0);
        DenseTrainingConfig cfg = DenseTrainingConfig.defaults().withMining(0, 0).withCells(6).withFeatureCropShare(1.0)
                .withCropsPerEpoch(8).withAugment(false);
        DenseCrops crops = new DenseCrops(ARCH, CLASSES, cfg, List.of(src));
        DataSet b = crops.batch(8, new Random(5));
        for (int n = 0; n < 8; n++) {
            double pos = b.getLabels().get(org.nd4j.linalg.indexing.NDArrayIndex.point(n),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(0)).sumNumber().doubleValue();
            assertTrue(pos >= 1, "crop " + n + " has no positive cell");
        }
    }

    @Test
    void limitedRotationKeepsDownDownAndAnyAngleTurnsSomeCropsOver() {
        // brightness grows down the image: a crop keeps "down" down when its bottom rows are brighter than its top rows
        var img = new java.awt.image.BufferedImage(400, 400, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 400; y++) {
            int v = y * 255 / 399;
            for (int x = 0; x < 400; x++) {
                img.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        DenseCrops.Source src = DenseCrops.source("ramp.png", img, List.of(new Feature("root_tip", 200, 200)), 1.0);
        DenseTrainingConfig cfg = DenseTrainingConfig.defaults().withMining(0, 0).withCells(6).withFeatureCropShare(1.0);
        assertEquals(0, upsideDown(new DenseCrops(ARCH, CLASSES, cfg.withRotation(20), List.of(src)), 64));
        int over = upsideDown(new DenseCrops(ARCH, CLASSES, cfg.withRotation(180), List.of(src)), 64);
        assertTrue(over > 10 && over < 54, "any angle: about half the crops point up, were " + over + " of 64");
    }

    /** Crops whose top rows are brighter than their bottom rows (channel 0). */
    private static int upsideDown(DenseCrops crops, int n) {
        DataSet b = crops.batch(n, new Random(3));
        int size = crops.cropSize();
        int over = 0;
        for (int i = 0; i < n; i++) {
            double top = 0;
            double bottom = 0;
            for (int u = 0; u < size; u++) {
                top += b.getFeatures().getDouble(i, 0, 4, u);
                bottom += b.getFeatures().getDouble(i, 0, size - 5, u);
            }
            over += top > bottom ? 1 : 0;
        }
        return over;
    }

    @Test
    void negativesOnTheAnnotatedStructureWeighMore() {
        // a horizontal root from (20, 100) to (180, 100) ending in a tip at its right end
        var img = new java.awt.image.BufferedImage(200, 200, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var line = List.of(new org.phenoloc.engine.annotations.Point(20, 100),
                new org.phenoloc.engine.annotations.Point(180, 100));
        DenseCrops.Source src = DenseCrops.source("line.png", img, List.of(new Feature("root_tip", 180, 100)),
                List.of(line), 1.0);
        DenseTrainingConfig cfg = DenseTrainingConfig.defaults().withMining(0, 0).withCells(10).withAugment(false)
                .withStructureWeight(4);
        DataSet b = new DenseCrops(ARCH, CLASSES, cfg, List.of(src)).batch(16, new Random(2));
        int heavy = 0;
        for (int n = 0; n < 16; n++) {
            for (int i = 0; i < 10; i++) {
                for (int j = 0; j < 10; j++) {
                    double w = b.getLabelsMaskArray().getDouble(n, 0, i, j);
                    assertTrue(w == 0 || w == 1 || w == 4, "mask " + w);
                    if (w == 4) {
                        heavy++;
                        assertEquals(1.0, b.getLabels().getDouble(n, 1, i, j), "only negatives are weighted");
                    }
                }
            }
        }
        assertTrue(heavy > 0, "some crops lie on the root away from its tip");
        DataSet plain = new DenseCrops(ARCH, CLASSES, cfg.withStructureWeight(1), List.of(src)).batch(16, new Random(2));
        assertEquals(0.0, plain.getLabelsMaskArray().gt(1).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT)
                .sumNumber().doubleValue(), 0.0);
    }

    @Test
    void aDenseTrainingStepReducesTheLossOnASyntheticImage() {
        DenseTrainingConfig cfg = DenseTrainingConfig.defaults().withCells(8);
        DenseCrops crops = new DenseCrops(ARCH, CLASSES, cfg, List.of(synthetic(2)));
        MultiLayerNetwork fcn = FullyConvolutional.build(ARCH, cfg.cells(), new Adam(3e-3), 0, 7, new double[] {5, 1});
        DataSet fixed = crops.batch(8, new Random(11));
        double before = fcn.score(fixed);
        for (int i = 0; i < 15; i++) {
            fcn.fit(fixed);
        }
        double after = fcn.score(fixed);
        assertTrue(after < before * 0.7, "loss " + before + " -> " + after);
    }

    @Test
    void trainsSelectsAndCalibratesOnHeldOutImages() {
        DenseTrainingConfig cfg = DenseTrainingConfig.defaults().withCells(8).withCropsPerEpoch(32);
        TrainingConfig tc = new TrainingConfig(2, 8, 3e-3, 0, 0.9, 0, 0, true, 3);
        DenseCrops crops = new DenseCrops(ARCH, CLASSES, cfg, List.of(synthetic(3), synthetic(4)));
        SyntheticRootImage v = RootSystemGenerator.generate(new RootSystemConfig(256, 256, 2, 2, 0.3, 0.2, 5));
        Calibration.Images val = new Calibration.Images(List.of(v.image()), List.of(v.features()), 1.0);
        List<EpochStats> seen = new ArrayList<>();
        DenseTrainer.Result r = new DenseTrainer(ARCH, CLASSES, tc, cfg, 16, new double[] {8, 16}, 1.0)
                .fit(crops, val, val, new TrainingListener() {
                    @Override
                    public void epochDone(EpochStats s) {
                        seen.add(s);
                    }
                });
        assertEquals(2, seen.size());
        assertTrue(seen.stream().allMatch(s -> !Double.isNaN(s.validationF1())));
        assertEquals(r.bestEpoch(), seen.stream().filter(EpochStats::best).mapToInt(EpochStats::epoch).max().orElse(-1));
        double bestF1 = seen.stream().mapToDouble(EpochStats::validationF1).max().orElse(-1);
        assertEquals(bestF1, r.calibration().meanF1(), 1e-12, "the kept epoch is the one with the best validation F1");
        assertTrue(r.calibration().thresholds().containsKey("root_tip"));
        assertTrue(r.calibration().radius() == 8 || r.calibration().radius() == 16);
        assertTrue(!r.calibratedOnTraining());
    }

    @Test
    void sameSeedSameWeightsAndCancellationStops() {
        DenseTrainingConfig cfg = DenseTrainingConfig.defaults().withCells(4).withCropsPerEpoch(8);
        var a = tinyFit(cfg, TrainingListener.NONE);
        var b = tinyFit(cfg, TrainingListener.NONE);
        assertArrayEquals(a.network().params().toFloatVector(), b.network().params().toFloatVector());
        TrainingListener cancel = new TrainingListener() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(TrainingCancelledException.class, () -> tinyFit(cfg, cancel));
    }

    /** One epoch of two 4-cell batches on a small synthetic root system, seed 9, validated on another. */
    private static DenseTrainer.Result tinyFit(DenseTrainingConfig cfg, TrainingListener listener) {
        return tinyFit(cfg, listener, 1);
    }

    private static DenseTrainer.Result tinyFit(DenseTrainingConfig cfg, TrainingListener listener, int epochs) {
        TrainingConfig tc = new TrainingConfig(epochs, 8, 1e-3, 0, 0.9, 0, 0, true, 9);
        SyntheticRootImage v = RootSystemGenerator.generate(new RootSystemConfig(160, 160, 1, 1, 0.3, 0.2, 7));
        Calibration.Images val = new Calibration.Images(List.of(v.image()), List.of(v.features()), 1.0);
        return new DenseTrainer(ARCH, CLASSES, tc, cfg, 16, new double[] {16}, 1.0)
                .fit(new DenseCrops(ARCH, CLASSES, cfg, List.of(synthetic(6))), val, val, listener);
    }

    /** With lastEpoch the last epoch is kept whatever its held-out F1; each epoch's calibration is that epoch's. */
    @Test
    void lastEpochKeepsTheLastEpoch() {
        DenseTrainingConfig cfg = DenseTrainingConfig.defaults().withCells(4).withCropsPerEpoch(8).withMining(0, 0)
                .withLastEpoch(true);
        var r = tinyFit(cfg, TrainingListener.NONE, 3);
        assertEquals(3, r.bestEpoch());
        assertEquals(r.history().get(2).validationF1(), r.calibration().meanF1(), 1e-12);
        assertFalse(DenseTrainingConfig.defaults().lastEpoch(), "by default the best epoch is kept");
    }

    /** The saved network is the weight average: with averaging off the same seed gives other (last-batch) weights. */
    @Test
    void theSavedNetworkIsTheWeightAverage() {
        DenseTrainingConfig on = DenseTrainingConfig.defaults().withCells(4).withCropsPerEpoch(8);
        var averaged = tinyFit(on, TrainingListener.NONE);
        var last = tinyFit(on.withWeightAveraging(0), TrainingListener.NONE);
        assertFalse(java.util.Arrays.equals(averaged.network().params().toFloatVector(),
                last.network().params().toFloatVector()), "two batches: the average differs from the last weights");
    }

    @Test
    void missedFeaturesAreTheTipsWithoutADetectionAtTheirThreshold() {
        DenseTrainingConfig cfg = DenseTrainingConfig.defaults().withCells(4);
        DenseCrops.Source src = synthetic(8);
        DenseCrops crops = new DenseCrops(ARCH, CLASSES, cfg, List.of(src));
        DenseTrainer trainer = new DenseTrainer(ARCH, CLASSES, new TrainingConfig(3, 8, 1e-3, 0, 0.9, 0, 0, true, 4), cfg,
                16, new double[] {16}, 1.0);
        MultiLayerNetwork clf = org.phenoloc.engine.network.NetworkFactory.build(ARCH,
                new org.nd4j.linalg.schedule.MapSchedule(org.nd4j.linalg.schedule.ScheduleType.ITERATION,
                        java.util.Map.of(0, 0.0)), 0, 0, 1);
        clf.getLayer(clf.getnLayers() - 1).getParam("b").putScalar(0, 3.0); // peaks above 0.5 everywhere
        var unreachable = trainer.mine(clf, crops, java.util.Map.of("root_tip", 1.01), TrainingListener.NONE);
        assertEquals(src.features().size(), unreachable.features());
        assertEquals(src.features().size(), unreachable.missed().size(), "no score reaches 1.01: every tip is missed");
        var low = trainer.mine(clf, crops, java.util.Map.of("root_tip", 0.5), TrainingListener.NONE);
        assertTrue(low.missed().size() < src.features().size(), "peaks everywhere: most tips have one within 16 px");
        for (var m : unreachable.missed()) {
            assertEquals(0, m.image());
        }
    }

    /** Missed features get the share of feature crops the config gives them; off (the default) changes nothing. */
    @Test
    void featureCropsFavourMissedFeatures() {
        // dark image with a bright quadrant: feature 0 lies in the dark, feature 1 in the bright quadrant
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(256, 256, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 128; y < 256; y++) {
            for (int x = 128; x < 256; x++) {
                img.setRGB(x, y, 0xffffff);
            }
        }
        DenseCrops.Source src = DenseCrops.source("two.png", img,
                List.of(new Feature("root_tip", 40, 40), new Feature("root_tip", 216, 216)), 1.0);
        DenseTrainingConfig all = DenseTrainingConfig.defaults().withCells(4).withMining(0, 0).withFeatureCropShare(1.0);
        List<DenseCrops.MissedFeature> second = List.of(new DenseCrops.MissedFeature(0, 1));
        DenseCrops off = new DenseCrops(ARCH, CLASSES, all, List.of(src));
        DataSet before = off.batch(32, new Random(6));
        off.setMissedFeatures(second);
        DataSet after = off.batch(32, new Random(6));
        assertEquals(before.getFeatures(), after.getFeatures(), "share 0: the same crops, the same random stream");
        assertTrue(java.util.stream.IntStream.range(0, 32).anyMatch(n -> after.getFeatures().get(
                org.nd4j.linalg.indexing.NDArrayIndex.point(n)).meanNumber().doubleValue() < 0), "some crops on the dark tip");
        DenseCrops on = new DenseCrops(ARCH, CLASSES, all.withMissedShare(1.0), List.of(src));
        on.setMissedFeatures(second);
        DataSet b = on.batch(32, new Random(6));
        for (int n = 0; n < 32; n++) {
            assertTrue(b.getFeatures().get(org.nd4j.linalg.indexing.NDArrayIndex.point(n)).meanNumber().doubleValue() > 0,
                    "crop " + n + " is centred on the missed (bright) tip");
        }
        assertThrows(BadInputException.class, () -> all.withMissedShare(1.5));
        assertThrows(BadInputException.class, () -> all.withMissedShare(Double.NaN));
    }

    @Test
    void minedNegativesLieFartherThanTheMatchingRadiusFromEveryTip() {
        DenseTrainingConfig cfg = DenseTrainingConfig.defaults().withCells(4);
        DenseCrops.Source src = synthetic(8);
        DenseCrops crops = new DenseCrops(ARCH, CLASSES, cfg, List.of(src));
        TrainingConfig tc = new TrainingConfig(3, 8, 1e-3, 0, 0.9, 0, 0, true, 4);
        DenseTrainer trainer = new DenseTrainer(ARCH, CLASSES, tc, cfg, 16, new double[] {16}, 1.0);
        // an untrained classifier fires everywhere, on and off the tips
        MultiLayerNetwork clf = org.phenoloc.engine.network.NetworkFactory.build(ARCH,
                new org.nd4j.linalg.schedule.MapSchedule(org.nd4j.linalg.schedule.ScheduleType.ITERATION,
                        java.util.Map.of(0, 0.0)), 0, 0, 1);
        clf.getLayer(clf.getnLayers() - 1).getParam("b").putScalar(0, 3.0); // tip class favoured: many peaks above 0.5
        List<DenseCrops.HardNegative> mined = trainer.mine(clf, crops, java.util.Map.of(), TrainingListener.NONE).negatives();
        assertTrue(!mined.isEmpty(), "an untrained net must produce false detections to mine");
        assertTrue(mined.size() <= DenseTrainer.MINED_PER_IMAGE);
        for (DenseCrops.HardNegative h : mined) {
            for (Feature f : src.features()) {
                assertTrue(Math.hypot(f.x() - h.x(), f.y() - h.y()) > 16, "mined " + h + " within 16 px of " + f);
            }
        }
        crops.addHardNegatives(mined);
        assertEquals(mined.size(), crops.hardNegatives().size());
        assertTrue(DenseTrainer.farFromFeatures(0, 0, List.of(new Feature("root_tip", 20, 0)), 16));
        assertTrue(!DenseTrainer.farFromFeatures(0, 0, List.of(new Feature("root_tip", 10, 10)), 16));
        // rounds fall inside the budget: 3 epochs, 2 rounds -> after epochs 1 and 2, never after the last
        assertTrue(trainer.isMiningEpoch(1) && trainer.isMiningEpoch(2) && !trainer.isMiningEpoch(3));
    }

    @Test
    void classesWithoutExamplesAreStoredUntrainedWithoutAThreshold(@TempDir Path dir) throws Exception {
        var shoot = org.phenoloc.engine.synthetic.ShootGenerator.generate(
                new org.phenoloc.engine.synthetic.ShootConfig(320, 288, 1, 3, 1.0, 0.2, 0.1, 3));
        List<org.phenoloc.engine.annotations.AnnotatedImage> images = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path img = dir.resolve("s" + i + ".png");
            javax.imageio.ImageIO.write(shoot.image(), "png", img.toFile());
            List<Feature> tips = shoot.features().stream().filter(f -> f.className().equals("leaf_tip")).toList();
            images.add(new org.phenoloc.engine.annotations.AnnotatedImage(img, img, tips, List.of()));
        }
        var s = TrainingJob.Settings.defaults(Task.SHOOTS).withWidthScale(0.0625)
                .withTraining(new TrainingConfig(1, 4, 1e-3, 0, 0.9, 0, 0, true, 1))
                .withDense(DenseTrainingConfig.defaults().withCells(2).withCropsPerEpoch(4).withMining(0, 0));
        List<String> log = new ArrayList<>();
        var meta = TrainingJob.run(images, "test", s, TrainingListener.NONE, log::add).model().metadata();
        assertEquals(List.of("leaf_base", "ear_tip", "ear_base"), meta.untrainedClasses());
        assertEquals(java.util.Set.of("leaf_tip"), meta.thresholds().keySet(), "no threshold invented");
        assertTrue(log.stream().anyMatch(l -> l.startsWith("warning: no training examples of")), log.toString());
    }

    @Test
    void aModelTrainedOnScaledImagesKeepsItsScaleAndReportsOriginalPixels(@TempDir Path dir) throws Exception {
        List<org.phenoloc.engine.annotations.AnnotatedImage> images = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SyntheticRootImage r = RootSystemGenerator.generate(new RootSystemConfig(320, 320, 2, 2, 0.3, 0.2, 10 + i));
            Path img = dir.resolve("r" + i + ".png");
            javax.imageio.ImageIO.write(r.image(), "png", img.toFile());
            images.add(new org.phenoloc.engine.annotations.AnnotatedImage(img, img, r.features(), List.of()));
        }
        var s = TrainingJob.Settings.defaults(Task.ROOTS).withWidthScale(0.125).withImageScale(0.5)
                .withTraining(new TrainingConfig(1, 4, 1e-3, 0, 0.9, 0, 0, true, 1))
                .withDense(DenseTrainingConfig.defaults().withCells(2).withCropsPerEpoch(4).withMining(0, 0));
        List<String> log = new ArrayList<>();
        var model = TrainingJob.run(images, "test", s, TrainingListener.NONE, log::add).model();
        assertEquals(0.5, model.metadata().imageScale());
        assertEquals(0.5, model.metadata().recipe().scale());
        assertEquals(84, model.metadata().recipe().crop(), "the 42 px crop of the window, in original pixels");
        assertTrue(log.stream().anyMatch(l -> l.contains("scaled by 0.5")), log.toString());
        // every window above threshold 0: the grid covers the 160 px scan, the detections the 320 px original
        var cfg = new org.phenoloc.engine.localisation.LocaliserConfig(4, java.util.Map.of("root_tip", 1e-6), 8, true);
        var result = new org.phenoloc.engine.localisation.Localiser(model, cfg).localise(
                javax.imageio.ImageIO.read(images.get(0).image().toFile()), "r0.png",
                org.phenoloc.engine.io.Progress.NONE);
        double maxX = result.detections().stream().mapToDouble(d -> d.x()).max().orElse(0);
        assertTrue(maxX > 200 && maxX < 320, "detections in original pixels, max x " + maxX);
        assertEquals(0.5, result.imageScale());
    }

    @Test
    void imageScaleOutsideZeroToOneIsRejected() {
        var s = TrainingJob.Settings.defaults(Task.ROOTS);
        assertEquals(0.75, s.imageScale(), "dense roots: three quarters");
        assertEquals(56, s.recipe().crop());
        assertEquals(0.5, TrainingJob.Settings.defaults(Task.SHOOTS).imageScale());
        assertEquals(1.0, s.withMethod(TrainingMethod.PATCHES).withImageScale(
                TrainingJob.defaultImageScale(Task.ROOTS, TrainingMethod.PATCHES)).imageScale(), "the paper's scale");
        assertThrows(BadInputException.class, () -> s.withImageScale(0));
        assertThrows(BadInputException.class, () -> s.withImageScale(1.5));
        assertThrows(BadInputException.class, () -> s.withImageScale(Double.NaN));
        assertEquals(s.withImageScale(1).recipe(), Task.ROOTS.recipe(), "the task's own scale keeps the paper's recipe");
        var half = Task.ROOTS.recipe().atScale(0.5);
        assertEquals(half.storedSize(), Task.ROOTS.recipe().storedSize());
        assertEquals(32.0, half.exclusionRadius());
        assertEquals(Task.SHOOTS.recipe(), Task.SHOOTS.recipe().atScale(0.5));
        assertEquals(256, Task.SHOOTS.recipe().atScale(0.25).crop());
    }

    @Test
    void configRejectsBadValues() {
        DenseTrainingConfig d = DenseTrainingConfig.defaults();
        assertEquals(d, new DenseTrainingConfig(d.cells(), d.positiveRadius(), d.ignoreRadius(), d.featureWeight(),
                d.featureCropShare(), d.cropsPerEpoch(), d.batchCrops(), d.augment(), d.scaleJitter(), d.colourJitter(),
                d.noise(), d.miningRounds(), d.hardCropShare(), d.structureWeight(), d.rotationDegrees(),
                d.weightAveraging(), d.missedShare(), d.lastEpoch(), d.focalGamma()));
        assertEquals(d, d.toBuilder().build(), "the builder round-trips every value");
        assertEquals(0.998, d.weightAveraging(), "weights averaged by default");
        assertEquals(0.2, d.ignoreRadius(), "a narrower ring than the paper's half window: sharper responses");
        assertEquals(d, TrainingJob.Settings.defaults(Task.SHOOTS).dense(), "what train and the node use");
        assertEquals(d, TrainingJob.Settings.defaults(Task.ROOTS).dense());
        assertEquals(0, d.withWeightAveraging(0).weightAveraging());
        assertEquals(2, d.withFocalGamma(2).focalGamma());
        assertThrows(BadInputException.class, () -> d.withFocalGamma(-0.5));
        assertThrows(BadInputException.class, () -> d.withFocalGamma(6));
        assertThrows(BadInputException.class, () -> d.withFocalGamma(Double.NaN));
        assertThrows(BadInputException.class, () -> d.withWeightAveraging(1));
        assertThrows(BadInputException.class, () -> d.withWeightAveraging(-0.1));
        assertThrows(BadInputException.class, () -> d.withWeightAveraging(Double.NaN));
        assertEquals(20, d.rotationDegrees(), "down stays down by default");
        assertEquals(180, d.withRotation(180).rotationDegrees());
        assertThrows(BadInputException.class, () -> d.withRotation(-1));
        assertThrows(BadInputException.class, () -> d.withRotation(181));
        assertThrows(BadInputException.class, () -> d.withRotation(Double.NaN));
        assertThrows(BadInputException.class, () -> d.withMining(11, 0.3));
        assertThrows(BadInputException.class, () -> d.withMining(1, 0.6));
        assertThrows(BadInputException.class, () -> d.withCells(0));
        assertThrows(BadInputException.class, () -> d.withFeatureWeight(0));
        assertThrows(BadInputException.class, () -> d.withCropsPerEpoch(0));
        assertThrows(BadInputException.class, () -> d.withRadii(0.5, 0.2));
        assertThrows(BadInputException.class, () -> d.withMining(0, 0).withFeatureCropShare(1.5));
        assertThrows(BadInputException.class, () -> d.withStructureWeight(0));
    }
}
