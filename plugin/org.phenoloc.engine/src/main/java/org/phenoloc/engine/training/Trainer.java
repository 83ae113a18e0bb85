package org.phenoloc.engine.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.network.Architecture;
import org.phenoloc.engine.network.NetworkFactory;
import org.phenoloc.engine.patches.InputStandardiser;
import org.phenoloc.engine.patches.Patch;
import org.phenoloc.engine.patches.PatchBatches;
import org.phenoloc.engine.patches.PatchClassifier;

/**
 * Trains a patch classifier: SGD with Nesterov momentum and a step learning-rate schedule, one held-out evaluation
 * per epoch, early stop at a plateau, the best epoch's weights kept.
 */
public final class Trainer {
    private final Architecture architecture;
    private final TrainingConfig config;

    public Trainer(Architecture architecture, TrainingConfig config) {
        this.architecture = architecture;
        this.config = config;
    }

    public TrainingResult train(List<Patch> train, List<Patch> test, TrainingListener listener) {
        checkTrainable(train);
        int batchesPerEpoch = (train.size() + config.batchSize() - 1) / config.batchSize();
        // in iterations: fitting DataSets one by one does not advance DL4J's epoch counter
        var schedule = new StepSchedule(ScheduleType.ITERATION, config.learningRate(), 0.1,
                config.effectiveStepEpochs() * (double) batchesPerEpoch);
        MultiLayerNetwork net = NetworkFactory.build(architecture, schedule, config.momentum(), config.weightDecay(),
                config.seed());
        Random random = new Random(config.seed());
        InputStandardiser standardiser = InputStandardiser.of(train);
        List<Patch> order = new ArrayList<>(train);
        List<EpochStats> history = new ArrayList<>();
        INDArray bestParams = null;
        double bestAcc = -1;
        int bestEpoch = 0;
        int sinceBest = 0;
        long start = System.nanoTime();
        long samples = 0;
        double trainSeconds = 0;
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            long epochStart = System.nanoTime();
            double loss = trainEpoch(net, order, epoch, batchesPerEpoch, random, standardiser, listener);
            samples += order.size();
            trainSeconds += (System.nanoTime() - epochStart) / 1e9;
            double trainAcc = accuracy(net, subsample(train, 2000, random), standardiser);
            double testAcc = test.isEmpty() ? trainAcc : accuracy(net, test, standardiser);
            boolean best = testAcc > bestAcc;
            if (best) {
                bestAcc = testAcc;
                bestEpoch = epoch;
                bestParams = net.params().dup();
                sinceBest = 0;
            } else {
                sinceBest++;
            }
            EpochStats stats = new EpochStats(epoch, schedule.valueAt((epoch - 1) * batchesPerEpoch, 0), loss, trainAcc,
                    testAcc, (System.nanoTime() - epochStart) / 1e9, best);
            history.add(stats);
            listener.epochDone(stats);
            if (config.patience() > 0 && sinceBest >= config.patience()) {
                break;
            }
        }
        net.setParams(bestParams);
        standardiser.foldInto(net);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new TrainingResult(net, history, bestEpoch, bestAcc, samples / trainSeconds, seconds);
    }

    /** One pass over the shuffled training patches; returns the mean minibatch loss. */
    private double trainEpoch(MultiLayerNetwork net, List<Patch> order, int epoch, int batchesPerEpoch, Random random,
            InputStandardiser standardiser, TrainingListener listener) {
        Collections.shuffle(order, random);
        double lossSum = 0;
        for (int b = 0; b < batchesPerEpoch; b++) {
            if (listener.isCancelled()) {
                throw new TrainingCancelledException();
            }
            List<Patch> slice = order.subList(b * config.batchSize(), Math.min(order.size(), (b + 1) * config.batchSize()));
            DataSet ds = PatchBatches.batch(slice, architecture.window(), architecture.classes(), random, config.augmentFlips(),
                    standardiser);
            net.fit(ds);
            double loss = net.score();
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException("training diverged (loss " + loss + ") in epoch " + epoch
                        + "; lower the learning rate (now " + config.learningRate() + ")");
            }
            lossSum += loss;
            double progress = ((epoch - 1) * batchesPerEpoch + b + 1) / (double) (config.epochs() * batchesPerEpoch);
            listener.batchDone(epoch, b + 1, batchesPerEpoch, loss, progress);
        }
        return lossSum / batchesPerEpoch;
    }

    /** Some patches, every label a class of the network, at least one positive, each patch big enough. */
    private void checkTrainable(List<Patch> train) {
        if (train.isEmpty()) {
            throw new BadInputException("no training patches");
        }
        checkLabels(train, "training");
        long positives = train.stream().filter(p -> p.label() != architecture.classes() - 1).count();
        if (positives == 0) {
            throw new BadInputException("the training data has no positive examples (only negatives)");
        }
    }

    private void checkLabels(List<Patch> patches, String what) {
        for (Patch p : patches) {
            if (p.label() < 0 || p.label() >= architecture.classes()) {
                throw new BadInputException(what + " patch from " + p.image() + " has label " + p.label()
                        + " outside 0.." + (architecture.classes() - 1));
            }
            if (p.size() < architecture.window() || p.channels() != architecture.channels()) {
                throw new BadInputException(what + " patch from " + p.image() + " is " + p.size() + "x" + p.size() + "x"
                        + p.channels() + ", the network needs at least " + architecture.window() + "x"
                        + architecture.window() + "x" + architecture.channels());
            }
        }
    }

    private static List<Patch> subsample(List<Patch> patches, int max, Random random) {
        if (patches.size() <= max) {
            return patches;
        }
        List<Patch> copy = new ArrayList<>(patches);
        Collections.shuffle(copy, new Random(random.nextLong()));
        return copy.subList(0, max);
    }

    private double accuracy(MultiLayerNetwork net, List<Patch> patches, InputStandardiser standardiser) {
        return PatchClassifier.accuracy(net, architecture.window(), architecture.classes(), patches, standardiser);
    }
}
