package org.phenoloc.engine.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.localisation.DenseScanner;
import org.phenoloc.engine.localisation.Detection;
import org.phenoloc.engine.localisation.PeakFinder;
import org.phenoloc.engine.localisation.ProbabilityGrid;
import org.phenoloc.engine.network.Architecture;
import org.phenoloc.engine.network.FullyConvolutional;
import org.phenoloc.engine.network.NetworkFactory;

/**
 * Trains the classifier the way the scanner uses it: fully convolutionally on random crops ({@link DenseCrops}), every
 * window a sample. After each epoch the weights are moved into the classifier, the held-out images are scanned and
 * the epoch is scored by localisation F1 at its calibrated threshold ({@link Calibration}); the best epoch's weights
 * and calibration are kept.
 */
public final class DenseTrainer {
    private final Architecture arch;
    private final List<String> classes;
    private final TrainingConfig training;
    private final DenseTrainingConfig dense;
    private final double matchRadius;
    private final double[] radii;
    private final double imageScale;

    /** The trained classifier (standardisation folded in) with its calibration and history. */
    public record Result(MultiLayerNetwork network, Calibration calibration, List<EpochStats> history, int bestEpoch,
            double cropsPerSecond, double seconds, boolean calibratedOnTraining) {}

    /**
     * @param matchRadius matching radius for calibration, original pixels (the task's middle evaluation radius)
     * @param radii       candidate peak-suppression radii, original pixels
     * @param imageScale  the images are scanned scaled by this (crops and mining work at that scale)
     */
    public DenseTrainer(Architecture arch, List<String> classes, TrainingConfig training, DenseTrainingConfig dense,
            double matchRadius, double[] radii, double imageScale) {
        this.imageScale = imageScale;
        this.arch = arch;
        this.classes = List.copyOf(classes);
        this.training = training;
        this.dense = dense;
        this.matchRadius = matchRadius;
        this.radii = radii.clone();
    }

    public Result fit(DenseCrops source, Calibration.Images validation, Calibration.Images fallback,
            TrainingListener listener) {
        return fit(source, validation, fallback, listener, DenseCheckpoint.Store.NONE);
    }

    /**
     * As {@link #fit(DenseCrops, Calibration.Images, Calibration.Images, TrainingListener)}, keeping a checkpoint in
     * {@code store} after every epoch and, if the store holds one, continuing from it: the result is the network an
     * uninterrupted training would give.
     */
    public Result fit(DenseCrops source, Calibration.Images validation, Calibration.Images fallback,
            TrainingListener listener, DenseCheckpoint.Store store) {
        boolean onTraining = validation.isEmpty();
        Calibration.Images val = onTraining ? fallback : validation;
        int batches = Math.max(1, dense.cropsPerEpoch() / dense.batchCrops());
        MultiLayerNetwork fcn = FullyConvolutional.build(arch, dense.cells(),
                new Adam(schedule(batches)), training.weightDecay(), training.seed(), classWeights(), dense.focalGamma());
        MultiLayerNetwork classifier = NetworkFactory.build(arch, new MapSchedule(ScheduleType.ITERATION,
                Map.of(0, 0.0)), 0, 0, training.seed());
        Run run = new Run(fcn, new Random(training.seed()), new WeightAverage(dense.weightAveraging()));
        store.resume().ifPresent(c -> {
            run.restore(c, source, store.describe());
            listener.message("continuing the training after epoch " + c.epoch() + " of " + c.epochs()
                    + " (best so far: epoch " + c.best().epoch() + ")");
        });
        for (int epoch = run.epoch + 1; epoch <= training.epochs() && !run.patienceSpent(); epoch++) {
            long t0 = System.nanoTime();
            // ND4J's generator (dropout, if the architecture has any) starts each epoch from the seed, so an epoch
            // trains the same whether the training ran through or was resumed from a checkpoint
            Nd4j.getRandom().setSeed(training.seed() * 1_000_003L + epoch);
            double loss = trainEpoch(fcn, run.average, source, run.random, epoch, batches, listener);
            run.fitSeconds += (System.nanoTime() - t0) / 1e9;
            run.crops += (long) batches * dense.batchCrops();
            run.average.apply(fcn, () -> FullyConvolutional.copyInto(fcn, classifier));
            Calibration c = evaluate(classifier, source, val, listener);
            if (isMiningEpoch(epoch)) {
                mineRound(classifier, source, c, epoch, listener);
            }
            boolean better = run.best == null || c.meanF1() > run.best.meanF1() || dense.lastEpoch();
            run.epochDone(epoch, c, better, classifier);
            EpochStats stats = new EpochStats(epoch, fcn.getLearningRate(0) == null ? Double.NaN : fcn.getLearningRate(0),
                    loss, Double.NaN, Double.NaN, (System.nanoTime() - t0) / 1e9, better, c.meanF1());
            run.history.add(stats);
            if (store.keeps()) {
                store.save(run.checkpoint(source));
            }
            listener.epochDone(stats);
        }
        classifier.setParams(run.bestParams);
        return new Result(classifier, run.best, run.history, run.bestEpoch, run.crops / Math.max(1e-9, run.fitSeconds),
                run.seconds(), onTraining);
    }

    /** The state of one training as it goes: what a checkpoint keeps and a resumed training restores. */
    private final class Run {
        final MultiLayerNetwork fcn;
        Random random;
        final WeightAverage average;
        final List<EpochStats> history = new ArrayList<>();
        int epoch;
        INDArray bestParams;
        Calibration best;
        int bestEpoch;
        int sinceBest;
        double fitSeconds;
        long crops;
        private double secondsBefore;
        private final long start = System.nanoTime();

        Run(MultiLayerNetwork fcn, Random random, WeightAverage average) {
            this.fcn = fcn;
            this.random = random;
            this.average = average;
        }

        void epochDone(int finished, Calibration c, boolean better, MultiLayerNetwork classifier) {
            epoch = finished;
            if (better) {
                best = c;
                bestEpoch = finished;
                bestParams = classifier.params().dup();
                sinceBest = 0;
            } else {
                sinceBest++;
            }
        }

        boolean patienceSpent() {
            return training.patience() > 0 && sinceBest >= training.patience();
        }

        double seconds() {
            return secondsBefore + (System.nanoTime() - start) / 1e9;
        }

        DenseCheckpoint checkpoint(DenseCrops source) {
            return new DenseCheckpoint(epoch, training.epochs(),
                    new DenseCheckpoint.Weights(fcn.params().dup(), fcn.getUpdater().getStateViewArray().dup(),
                            fcn.getIterationCount(), average.average() == null ? null : average.average().dup(),
                            average.updates()),
                    new DenseCheckpoint.Best(bestParams, best, bestEpoch, sinceBest),
                    new DenseCheckpoint.Mining(source.hardNegatives(), source.missedFeatures()), RandomState.save(random),
                    history, new DenseCheckpoint.Timing(seconds(), fitSeconds, crops));
        }

        /** @param from names the checkpoint in messages */
        void restore(DenseCheckpoint c, DenseCrops source, String from) {
            if (c.weights().network().length() != fcn.numParams()) {
                throw new BadInputException(from + ": the checkpoint's network has " + c.weights().network().length()
                        + " weights, this training's " + fcn.numParams() + " (another version of Phenoloc?); delete"
                        + " it to start the training afresh");
            }
            fcn.setParams(c.weights().network());
            fcn.getUpdater().getStateViewArray().assign(c.weights().optimiser());
            fcn.setIterationCount(c.weights().iterations());
            average.restore(c.weights().average(), c.weights().averageUpdates());
            try {
                random = RandomState.load(c.random());
            } catch (java.io.IOException e) {
                throw new BadInputException(from + ": the checkpoint's random state: " + e.getMessage());
            }
            source.restoreMining(c.mining().hardNegatives(), c.mining().missed());
            epoch = c.epoch();
            history.addAll(c.history());
            best = c.best().calibration();
            bestParams = c.best().classifier();
            bestEpoch = c.best().epoch();
            sinceBest = c.best().sinceBest();
            fitSeconds = c.timing().fitSeconds();
            crops = c.timing().crops();
            secondsBefore = c.timing().seconds();
        }
    }

    private double trainEpoch(MultiLayerNetwork fcn, WeightAverage average, DenseCrops source, Random random, int epoch,
            int batches, TrainingListener listener) {
        double sum = 0;
        for (int b = 0; b < batches; b++) {
            if (listener.isCancelled()) {
                throw new TrainingCancelledException();
            }
            double loss = trainBatch(fcn, source.batch(dense.batchCrops(), random));
            average.update(fcn);
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException("training diverged (loss " + loss + ") in epoch " + epoch);
            }
            sum += loss;
            double progress = ((epoch - 1) * batches + b + 1) / (double) (training.epochs() * batches);
            listener.batchDone(epoch, b + 1, batches, loss, progress);
        }
        return sum / batches;
    }

    /** Mining rounds fall evenly inside the epoch budget (never after the last epoch). */
    boolean isMiningEpoch(int epoch) {
        int rounds = dense.miningRounds();
        for (int r = 1; r <= rounds; r++) {
            if (epoch == Math.max(1, (int) Math.round(training.epochs() * r / (double) (rounds + 1)))
                    && epoch < training.epochs()) {
                return true;
            }
        }
        return false;
    }

    private void mineRound(MultiLayerNetwork classifier, DenseCrops source, Calibration c, int epoch,
            TrainingListener listener) {
        Mined mined = mine(classifier, source, c.thresholds(), listener);
        source.addHardNegatives(mined.negatives());
        String missed = "";
        if (dense.missedShare() > 0) {
            source.setMissedFeatures(mined.missed());
            missed = String.format(java.util.Locale.ROOT, "; %d of %d annotated features missed, now %.0f%% of the"
                    + " feature crops", mined.missed().size(), mined.features(), 100 * dense.missedShare());
        }
        listener.message(String.format(java.util.Locale.ROOT, "mining after epoch %d: %d false detections on the "
                + "training images added as crop centres (%d in all)%s", epoch, mined.negatives().size(),
                source.hardNegatives().size(), missed));
    }

    /**
     * What one mining round found on the training images: false detections (hard negatives) and the annotated features
     * with no detection of their class at its threshold within the matching radius (missed features), of
     * {@code features} annotated in all.
     */
    record Mined(List<DenseCrops.HardNegative> negatives, List<DenseCrops.MissedFeature> missed, int features) {}

    /**
     * Scans the training images with the current classifier (weights already copied and folded) and returns its false
     * detections: peaks above {@link #MINING_THRESHOLD} farther than the matching radius from every annotated feature,
     * at most {@link #MINED_PER_IMAGE} per image, strongest first; and the features it missed at {@code thresholds}
     * (a class without one: {@link #MINING_THRESHOLD}).
     */
    Mined mine(MultiLayerNetwork classifier, DenseCrops source, Map<String, Double> thresholds,
            TrainingListener listener) {
        List<DenseCrops.HardNegative> negatives = new ArrayList<>();
        List<DenseCrops.MissedFeature> missed = new ArrayList<>();
        int features = 0;
        try (DenseScanner scanner = new DenseScanner(classifier, arch)) {
            for (int i = 0; i < source.sources().size(); i++) {
                if (listener.isCancelled()) {
                    throw new TrainingCancelledException();
                }
                DenseCrops.Source s = source.sources().get(i);
                mineImage(i, s, scanner.scan(s.image(), 4, Progress.NONE), thresholds, negatives, missed);
                features += s.features().size();
            }
        }
        return new Mined(negatives, missed, features);
    }

    private void mineImage(int i, DenseCrops.Source s, ProbabilityGrid grid, Map<String, Double> thresholds,
            List<DenseCrops.HardNegative> negatives, List<DenseCrops.MissedFeature> missed) {
        double reach = matchRadius * imageScale;
        List<String> features = classes.subList(0, classes.size() - 1);
        List<Detection> found = new ArrayList<>();
        for (int c = 0; c < features.size(); c++) {
            found.addAll(PeakFinder.find(grid, c, features.get(c), MINING_THRESHOLD, arch.window() / 2.0, 1.0));
        }
        found.sort(java.util.Comparator.comparingDouble(d -> -d.score()));
        int kept = 0;
        for (Detection d : found) {
            if (kept < MINED_PER_IMAGE && farFromFeatures(d.x(), d.y(), s.features(), reach)) {
                negatives.add(new DenseCrops.HardNegative(i, d.x(), d.y()));
                kept++;
            }
        }
        for (int f = 0; f < s.features().size(); f++) {
            var feature = s.features().get(f);
            double t = thresholds.getOrDefault(feature.className(), MINING_THRESHOLD);
            boolean hit = found.stream().anyMatch(d -> d.className().equals(feature.className()) && d.score() >= t
                    && Math.hypot(d.x() - feature.x(), d.y() - feature.y()) <= reach);
            if (!hit) {
                missed.add(new DenseCrops.MissedFeature(i, f));
            }
        }
    }

    static boolean farFromFeatures(double x, double y, List<org.phenoloc.engine.annotations.Feature> features, double r) {
        for (var f : features) {
            if (Math.hypot(f.x() - x, f.y() - y) <= r) {
                return false;
            }
        }
        return true;
    }

    /** Lowest score of a mined false detection. */
    static final double MINING_THRESHOLD = 0.5;
    /** Most mined negatives kept per image and round. */
    static final int MINED_PER_IMAGE = 150;

    private static double trainBatch(MultiLayerNetwork fcn, DataSet batch) {
        fcn.fit(batch);
        return fcn.score();
    }

    /** Calibrates the classifier (the FCN's weights, or their average, already copied in) on the validation images. */
    private Calibration evaluate(MultiLayerNetwork classifier, DenseCrops source, Calibration.Images val,
            TrainingListener listener) {
        source.standardiser().foldInto(classifier);
        Progress cancel = new Progress() {
            @Override
            public boolean isCancelled() {
                return listener.isCancelled();
            }
        };
        try {
            return Calibration.run(classifier, arch, classes.subList(0, classes.size() - 1), val, matchRadius, radii, cancel);
        } catch (Progress.CancelledException e) {
            throw new TrainingCancelledException();
        }
    }

    /** Adam at the configured rate, a tenth of it after 60% of the epochs and a hundredth after 85%. */
    private ISchedule schedule(int batchesPerEpoch) {
        int total = training.epochs() * batchesPerEpoch;
        Map<Integer, Double> m = new java.util.HashMap<>();
        m.put(0, training.learningRate());
        m.put((int) Math.round(total * 0.6), training.learningRate() / 10);
        m.put((int) Math.round(total * 0.85), training.learningRate() / 100);
        return new MapSchedule(ScheduleType.ITERATION, m);
    }

    private double[] classWeights() {
        double[] w = new double[classes.size()];
        java.util.Arrays.fill(w, dense.featureWeight());
        w[w.length - 1] = 1;
        return w;
    }

    static void check(List<DenseCrops.Source> sources, List<String> classes) {
        long features = sources.stream().flatMap(s -> s.features().stream())
                .filter(f -> classes.indexOf(f.className()) >= 0 && classes.indexOf(f.className()) < classes.size() - 1)
                .count();
        if (features == 0) {
            throw new BadInputException("the training images have no annotated " + classes.subList(0, classes.size() - 1));
        }
    }
}
