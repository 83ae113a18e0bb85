package org.phenoloc.engine.cli;

import org.phenoloc.engine.Task;
import org.phenoloc.engine.training.DenseTrainingConfig;
import org.phenoloc.engine.training.TrainingConfig;
import org.phenoloc.engine.training.TrainingJob;
import org.phenoloc.engine.training.TrainingMethod;

import picocli.CommandLine.Option;

/**
 * Training options shared by train, demo and benchmark. Options left unset take the defaults of the chosen method
 * (dense or the paper's patches), so {@code --method patches} alone gives the paper's recipe as before.
 */
final class TrainingOptions {
    private static final DenseTrainingConfig DD = DenseTrainingConfig.defaults();

    @Option(names = "--method", description = {"dense (default: fully convolutional training on image crops, threshold",
        "calibrated on held-out images) or patches (the paper's recipe)"})
    String method = "dense";

    @Option(names = "--epochs", description = "maximum epochs (default " + org.phenoloc.engine.training.TrainingConfig.DENSE_EPOCHS
            + " dense, 40 patches)")
    Integer epochs;

    @Option(names = "--batch", description = "minibatch size: crops (dense, default 4) or patches (default 32)")
    Integer batch;

    @Option(names = "--lr", description = {"initial learning rate (default 0.001 dense with Adam; 0.01 patches with",
        "SGD, where the paper used 0.1)"})
    Double lr;

    @Option(names = "--lr-step-epochs", description = "patches: divide the learning rate by 10 every N epochs (0 = a third of --epochs)")
    int lrStep = 0;

    @Option(names = "--momentum", description = "patches: Nesterov momentum (default ${DEFAULT-VALUE})")
    double momentum = 0.9;

    @Option(names = "--patience", description = "stop after N epochs without improvement (0 = never; default 0 dense, 12 patches)")
    Integer patience;

    @Option(names = "--weight-decay", description = "L2 weight decay (default ${DEFAULT-VALUE})")
    double weightDecay = 5e-4;

    @Option(names = "--no-augment", description = "no rotations, flips, scale and colour jitter (patches: no flips/90-degree rotations)")
    boolean noAugment;

    @Option(names = "--seed", description = "random seed (default ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--test-fraction", description = "share of images held out for selection and calibration (default ${DEFAULT-VALUE})")
    double testFraction = 0.2;

    @Option(names = "--grey", description = "train on grey-scale images (1 channel)")
    boolean grey;

    @Option(names = "--width-scale", description = {"multiply every layer width (1 = the paper's net; default dense 0.5 roots,",
        "0.25 shoots; patches 1)"})
    Double widthScale;

    @Option(names = "--image-scale", description = {"scale the images by this before training and scanning, in (0, 1]",
        "(default: dense roots the scale that makes the roots 4 px wide, measured along the annotated root",
        "lines or the roots traced from the tip points, at most 0.75; where they show too little contrast",
        "0.75; shoots 0.5; patches 1 roots, 0.5 shoots); the model keeps it, so",
        "localise scales the same way"})
    Double imageScale;

    @Option(names = "--no-batchnorm", description = "the paper's plain net, without batch normalisation after the convolutions")
    boolean noBatchNorm;

    @Option(names = "--crops-per-epoch", description = "dense: random crops per epoch (default ${DEFAULT-VALUE})")
    int cropsPerEpoch = DD.cropsPerEpoch();

    @Option(names = "--cells", description = "dense: windows per crop side (crop side = window + stride * (cells - 1); default ${DEFAULT-VALUE})")
    int cells = DD.cells();

    @Option(names = "--feature-weight", description = "dense: loss weight of feature windows against negatives (default ${DEFAULT-VALUE})")
    double featureWeight = DD.featureWeight();

    @Option(names = "--mining-rounds", description = "dense: hard-negative mining rounds during training (0 = none; default ${DEFAULT-VALUE})")
    int miningRounds = DD.miningRounds();

    @Option(names = "--rotation", description = {"dense: rotate training crops by up to this many degrees either way,",
        "flipping them left-right only, so down stays down (default ${DEFAULT-VALUE}); 180 = any angle and flip"})
    double rotation = DD.rotationDegrees();

    @Option(names = "--scale-jitter", description = {"dense: training crops are rescaled by a random factor between 1/S "
        + "and S, in [1, 2] (default ${DEFAULT-VALUE}; 1 = off)"})
    double scaleJitter = DD.scaleJitter();

    @Option(names = "--weight-averaging", description = {"dense: decay of the moving average of the weights over the "
        + "batches, which is validated and saved (default ${DEFAULT-VALUE}; 0 = off, the last batch's weights)"})
    double weightAveraging = DD.weightAveraging();

    @Option(names = "--positive-radius", description = {"dense: windows within this many window sides of a feature are "
        + "trained as the feature (default ${DEFAULT-VALUE})"})
    double positiveRadius = DD.positiveRadius();

    @Option(names = "--ignore-radius", description = {"dense: windows between the positive radius and this one (in window "
        + "sides) are not trained (default ${DEFAULT-VALUE}; 0.5 = the paper's half window)"})
    double ignoreRadius = DD.ignoreRadius();

    @Option(names = "--missed-share", description = {"dense: share of the feature crops centred on annotated features the "
        + "model missed at the last mining round (default ${DEFAULT-VALUE}; 0 = off)"})
    double missedShare = DD.missedShare();

    @Option(names = "--focal-gamma", description = {"dense: focusing exponent of the focal loss, in [0, 5]: windows the "
        + "net already gets right count less (default ${DEFAULT-VALUE}; 0 = class-weighted cross-entropy)"})
    double focalGamma = DD.focalGamma();

    @Option(names = "--last-epoch", description = {"dense: keep the last epoch's weights instead of the epoch with the best "
        + "held-out F1"})
    boolean lastEpoch;

    /**
     * The settings for these training images: as {@link #settings(Task)}, with the image scale derived from the
     * images when {@code --image-scale} is not given (see {@link TrainingJob#imageScaleFor}); the choice is logged.
     */
    TrainingJob.Settings settings(Task task, java.util.List<org.phenoloc.engine.annotations.AnnotatedImage> images,
            java.util.function.Consumer<String> log) {
        return settings(task, images, log, c -> {});
    }

    /** As {@link #settings(Task, java.util.List, java.util.function.Consumer)}, also handing the choice to {@code chosen}. */
    TrainingJob.Settings settings(Task task, java.util.List<org.phenoloc.engine.annotations.AnnotatedImage> images,
            java.util.function.Consumer<String> log, java.util.function.Consumer<TrainingJob.ScaleChoice> chosen) {
        TrainingJob.Settings s = settings(task);
        if (imageScale != null) {
            return s;
        }
        TrainingJob.ScaleChoice c = TrainingJob.imageScaleFor(task, s.method(), images);
        log.accept(c.describe());
        chosen.accept(c);
        return s.withImageScale(c);
    }

    /** Start of the log line that reports the image scale chosen from the data. */
    static final String IMAGE_SCALE_LOG = TrainingJob.ScaleChoice.LOG_PREFIX;

    TrainingJob.Settings settings(Task task) {
        TrainingMethod m = TrainingMethod.parse(method);
        boolean dense = m == TrainingMethod.DENSE;
        TrainingConfig d = dense ? TrainingConfig.denseDefaults() : TrainingConfig.defaults();
        TrainingConfig tc = new TrainingConfig(epochs != null ? epochs : d.epochs(), batch != null ? batch : d.batchSize(),
                lr != null ? lr : d.learningRate(), lrStep, momentum, weightDecay,
                patience != null ? patience : d.patience(), !noAugment, seed);
        DenseTrainingConfig dc = DD.toBuilder().cells(cells).featureWeight(featureWeight).cropsPerEpoch(cropsPerEpoch)
                .batchCrops(batch != null ? batch : DD.batchCrops()).augment(!noAugment).miningRounds(miningRounds)
                .rotationDegrees(rotation).weightAveraging(weightAveraging).missedShare(missedShare).lastEpoch(lastEpoch)
                .focalGamma(focalGamma).scaleJitter(scaleJitter).build();
        dc = dc.withRadii(positiveRadius, ignoreRadius);
        double width = widthScale != null ? widthScale : dense ? TrainingJob.defaultWidth(task) : 1.0;
        TrainingJob.ScaleChoice scale = imageScale != null ? new TrainingJob.ScaleChoice(imageScale,
                "given (--image-scale)") : TrainingJob.ScaleChoice.taskDefault(task, m);
        return new TrainingJob.Settings(task, grey ? 1 : 3, width, !noBatchNorm, testFraction, m, tc, dc, scale.scale(),
                scale.describe());
    }
}
