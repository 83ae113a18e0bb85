package org.phenoloc.engine.cli;

import org.phenoloc.engine.Task;
import org.phenoloc.engine.training.TrainingConfig;
import org.phenoloc.engine.training.TrainingJob;

import picocli.CommandLine.Option;

/** Training options shared by train, demo and benchmark. */
final class TrainingOptions {
    private static final TrainingConfig D = TrainingConfig.defaults();

    @Option(names = "--epochs", description = "maximum epochs (default ${DEFAULT-VALUE})")
    int epochs = D.epochs();

    @Option(names = "--batch", description = "minibatch size (default ${DEFAULT-VALUE})")
    int batch = D.batchSize();

    @Option(names = "--lr", description = "initial learning rate (default ${DEFAULT-VALUE}; the paper used 0.1)")
    double lr = D.learningRate();

    @Option(names = "--lr-step-epochs", description = "divide the learning rate by 10 every N epochs (0 = a third of --epochs)")
    int lrStep = D.lrStepEpochs();

    @Option(names = "--momentum", description = "Nesterov momentum (default ${DEFAULT-VALUE})")
    double momentum = D.momentum();

    @Option(names = "--patience", description = "stop after N epochs without a better held-out accuracy (0 = never; default ${DEFAULT-VALUE})")
    int patience = D.patience();

    @Option(names = "--weight-decay", description = "L2 weight decay (default ${DEFAULT-VALUE})")
    double weightDecay = D.weightDecay();

    @Option(names = "--no-augment", description = "no flips/90-degree rotations (the random crop is always on)")
    boolean noAugment;

    @Option(names = "--seed", description = "random seed (default ${DEFAULT-VALUE})")
    long seed = D.seed();

    @Option(names = "--test-fraction", description = "share of images held out (default ${DEFAULT-VALUE})")
    double testFraction = 0.2;

    @Option(names = "--grey", description = "train on grey-scale images (1 channel)")
    boolean grey;

    @Option(names = "--width-scale", description = "multiply every layer width (1 = the paper's net; default ${DEFAULT-VALUE})")
    double widthScale = 1.0;

    @Option(names = "--no-batchnorm", description = "the paper's plain net, without batch normalisation after the convolutions")
    boolean noBatchNorm;

    TrainingJob.Settings settings(Task task) {
        TrainingConfig tc = new TrainingConfig(epochs, batch, lr, lrStep, momentum, weightDecay, patience, !noAugment, seed);
        return new TrainingJob.Settings(task, grey ? 1 : 3, widthScale, !noBatchNorm, testFraction, tc);
    }
}
