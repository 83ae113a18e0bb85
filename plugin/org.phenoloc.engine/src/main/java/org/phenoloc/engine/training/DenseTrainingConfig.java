package org.phenoloc.engine.training;

import org.phenoloc.engine.io.BadInputException;

/**
 * How the classifier is trained densely (fully convolutionally) on large random crops: every window the scanner will
 * ask about is a training sample, labelled by its distance to the nearest annotated feature. Lengths are in units of
 * the window side, so one setting serves the 32 px root net and the 64 px shoot net.
 *
 * @param cells            output cells per crop side at the net's native stride (crop side = window + stride * (cells - 1))
 * @param positiveRadius   a window whose centre is within this many windows of a feature is that feature (0.15 = 4.8 px
 *                         for roots: the one or two scan positions nearest each tip)
 * @param ignoreRadius     windows between the positive and this radius are not trained (0.5 = the paper's half-window
 *                         border; the default 0.2); farther ones are negatives
 * @param featureWeight    loss weight of feature cells relative to negative cells (class balance: a crop has a few
 *                         feature cells among hundreds of negatives)
 * @param featureCropShare share of crops placed so that they contain a feature; the rest lie anywhere in the image
 * @param cropsPerEpoch    crops per epoch
 * @param batchCrops       crops per minibatch
 * @param augment          rotation (see rotationDegrees), flips, scale jitter, brightness/contrast/colour jitter and noise
 * @param scaleJitter      crops are rescaled by a factor in [1/scaleJitter, scaleJitter] (1 = off)
 * @param colourJitter     brightness and per-channel shift amplitude, and contrast spread (in normalised units)
 * @param noise            standard deviation of added Gaussian pixel noise (normalised units)
 * @param miningRounds     bootstrapped hard-negative mining (Sung and Poggio 1998): this many times during training
 *                         (evenly spaced) the training images are scanned and the false detections become crop centres
 * @param hardCropShare    share of crops centred on mined negatives once there are some
 * @param structureWeight  loss weight of negative windows centred on an annotated structure (root centre lines of
 *                         RSML; 1 = like any negative): the root beside a tip is what a tip detector confuses most
 * @param rotationDegrees  crops are rotated by up to this many degrees either way; 180 = any angle with any flip
 *                         (every orientation), less keeps "down" down: the rotation lies in [-r, r] and the flip is
 *                         a left-right mirror (gravity: roots grow and leaves hang down)
 * @param weightAveraging  decay of an exponential moving average of the network's weights, updated after every batch
 *                         (Polyak averaging); the average is what is validated, selected, mined with and saved. 0 =
 *                         off (the weights as the last batch left them); 0.998 averages over about 500 batches
 * @param missedShare      share of the feature crops centred on annotated features that the last mining round's model
 *                         missed (no peak at its calibrated threshold within the matching radius): hard positives,
 *                         e.g. damaged leaf tips, get trained more often than the easy majority (0 = off)
 * @param lastEpoch        keep the last epoch's (averaged) weights instead of the epoch with the best held-out F1
 * @param focalGamma       focusing exponent of the focal loss (Lin et al. 2017), in [0, 5]: cells the net already
 *                         classifies well weigh {@code (1 - p)^gamma} as much, so training dwells on the hard ones;
 *                         0 = the class-weighted cross-entropy
 */
public record DenseTrainingConfig(int cells, double positiveRadius, double ignoreRadius, double featureWeight,
        double featureCropShare, int cropsPerEpoch, int batchCrops, boolean augment, double scaleJitter,
        double colourJitter, double noise, int miningRounds, double hardCropShare, double structureWeight,
        double rotationDegrees, double weightAveraging, double missedShare, boolean lastEpoch, double focalGamma) {

    public DenseTrainingConfig {
        if (cells < 1 || cells > 256) {
            throw new BadInputException("cells per crop side must be in [1, 256], was " + cells);
        }
        if (!(positiveRadius > 0) || ignoreRadius < positiveRadius || ignoreRadius > 4) {
            throw new BadInputException("need 0 < positive radius <= ignore radius <= 4 (in windows), were "
                    + positiveRadius + " and " + ignoreRadius);
        }
        if (!(featureWeight > 0) || featureWeight > 1000) {
            throw new BadInputException("feature weight must be in (0, 1000], was " + featureWeight);
        }
        if (featureCropShare < 0 || featureCropShare > 1) {
            throw new BadInputException("feature crop share must be in [0, 1], was " + featureCropShare);
        }
        if (cropsPerEpoch < 1 || batchCrops < 1) {
            throw new BadInputException("crops per epoch and per batch must be >= 1");
        }
        if (miningRounds < 0 || miningRounds > 10 || hardCropShare < 0 || hardCropShare > 1) {
            throw new BadInputException("mining rounds must be in [0, 10] and the hard crop share in [0, 1]");
        }
        if (!(structureWeight > 0) || structureWeight > 100) {
            throw new BadInputException("structure weight must be in (0, 100], was " + structureWeight);
        }
        if (featureCropShare + hardCropShare > 1) {
            throw new BadInputException("feature and hard-negative crop shares add up to more than 1");
        }
        if (!(rotationDegrees >= 0) || rotationDegrees > 180) {
            throw new BadInputException("rotation must be in [0, 180] degrees, was " + rotationDegrees);
        }
        if (!(weightAveraging >= 0) || weightAveraging >= 1) {
            throw new BadInputException("weight averaging decay must be in [0, 1), was " + weightAveraging);
        }
        if (!(missedShare >= 0) || missedShare > 1) {
            throw new BadInputException("missed-feature crop share must be in [0, 1], was " + missedShare);
        }
        if (!(focalGamma >= 0) || focalGamma > 5) {
            throw new BadInputException("focal gamma must be in [0, 5], was " + focalGamma);
        }
        if (scaleJitter < 1 || scaleJitter > 2 || colourJitter < 0 || colourJitter > 0.5 || noise < 0 || noise > 0.5) {
            throw new BadInputException("scale jitter must be in [1, 2], colour jitter and noise in [0, 0.5]");
        }
    }

    /**
     * The defaults of both tasks. The ignore ring reaches 0.2 windows, not the paper's half window: with half a window
     * (64 px of the halved maize image) the network was free to answer "tip" far along a leaf, broad responses that
     * merged neighbouring tips under the suppression radius, and root tips crowd near the seed. Measured on the real
     * images with two seeds each (README "A narrower ignore ring"): root-tip F1 0.846/0.836 at 0.5, 0.860/0.859 at
     * 0.3, 0.879/0.874 at 0.2 windows; leaf-tip F1 0.716/0.813, 0.800/0.770, 0.792/0.788 (count error per plant 2.4/2.1,
     * 2.3/1.7, 1.8/1.8).
     */
    public static DenseTrainingConfig defaults() {
        return new DenseTrainingConfig(16, 0.15, 0.2, 5, 0.5, 384, 4, true, 1.25, 0.08, 0.02, 2, 0.3, 1, 20,
                WEIGHT_AVERAGING, 0, false, FOCAL_GAMMA);
    }

    /** The default focusing exponent of the loss. */
    public static final double FOCAL_GAMMA = 0;

    /** The default decay of the weight average. */
    public static final double WEIGHT_AVERAGING = 0.998;

    /** A builder holding this config's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public DenseTrainingConfig withCropsPerEpoch(int n) {
        return toBuilder().cropsPerEpoch(n).build();
    }

    public DenseTrainingConfig withCells(int n) {
        return toBuilder().cells(n).build();
    }

    public DenseTrainingConfig withFeatureWeight(double w) {
        return toBuilder().featureWeight(w).build();
    }

    public DenseTrainingConfig withMining(int rounds, double share) {
        return toBuilder().miningRounds(rounds).hardCropShare(share).build();
    }

    public DenseTrainingConfig withBatchCrops(int n) {
        return toBuilder().batchCrops(n).build();
    }

    public DenseTrainingConfig withFeatureCropShare(double share) {
        return toBuilder().featureCropShare(share).build();
    }

    public DenseTrainingConfig withRadii(double positive, double ignore) {
        return toBuilder().positiveRadius(positive).ignoreRadius(ignore).build();
    }

    public DenseTrainingConfig withStructureWeight(double w) {
        return toBuilder().structureWeight(w).build();
    }

    public DenseTrainingConfig withAugment(boolean on) {
        return toBuilder().augment(on).build();
    }

    public DenseTrainingConfig withRotation(double degrees) {
        return toBuilder().rotationDegrees(degrees).build();
    }

    public DenseTrainingConfig withWeightAveraging(double decay) {
        return toBuilder().weightAveraging(decay).build();
    }

    public DenseTrainingConfig withMissedShare(double share) {
        return toBuilder().missedShare(share).build();
    }

    public DenseTrainingConfig withLastEpoch(boolean on) {
        return toBuilder().lastEpoch(on).build();
    }

    public DenseTrainingConfig withFocalGamma(double gamma) {
        return toBuilder().focalGamma(gamma).build();
    }

    /** Mutable copy of a config's values; {@link #build()} validates them. */
    public static final class Builder {
        private int cells;
        private double positiveRadius;
        private double ignoreRadius;
        private double featureWeight;
        private double featureCropShare;
        private int cropsPerEpoch;
        private int batchCrops;
        private boolean augment;
        private double scaleJitter;
        private double colourJitter;
        private double noise;
        private int miningRounds;
        private double hardCropShare;
        private double structureWeight;
        private double rotationDegrees;
        private double weightAveraging;
        private double missedShare;
        private boolean lastEpoch;
        private double focalGamma;

        private Builder(DenseTrainingConfig c) {
            cells = c.cells;
            positiveRadius = c.positiveRadius;
            ignoreRadius = c.ignoreRadius;
            featureWeight = c.featureWeight;
            featureCropShare = c.featureCropShare;
            cropsPerEpoch = c.cropsPerEpoch;
            batchCrops = c.batchCrops;
            augment = c.augment;
            scaleJitter = c.scaleJitter;
            colourJitter = c.colourJitter;
            noise = c.noise;
            miningRounds = c.miningRounds;
            hardCropShare = c.hardCropShare;
            structureWeight = c.structureWeight;
            rotationDegrees = c.rotationDegrees;
            weightAveraging = c.weightAveraging;
            missedShare = c.missedShare;
            lastEpoch = c.lastEpoch;
            focalGamma = c.focalGamma;
        }

        public Builder cells(int v) { cells = v; return this; }
        public Builder positiveRadius(double v) { positiveRadius = v; return this; }
        public Builder ignoreRadius(double v) { ignoreRadius = v; return this; }
        public Builder featureWeight(double v) { featureWeight = v; return this; }
        public Builder featureCropShare(double v) { featureCropShare = v; return this; }
        public Builder cropsPerEpoch(int v) { cropsPerEpoch = v; return this; }
        public Builder batchCrops(int v) { batchCrops = v; return this; }
        public Builder augment(boolean v) { augment = v; return this; }
        public Builder scaleJitter(double v) { scaleJitter = v; return this; }
        public Builder colourJitter(double v) { colourJitter = v; return this; }
        public Builder noise(double v) { noise = v; return this; }
        public Builder miningRounds(int v) { miningRounds = v; return this; }
        public Builder hardCropShare(double v) { hardCropShare = v; return this; }
        public Builder structureWeight(double v) { structureWeight = v; return this; }
        public Builder rotationDegrees(double v) { rotationDegrees = v; return this; }
        public Builder weightAveraging(double v) { weightAveraging = v; return this; }
        public Builder missedShare(double v) { missedShare = v; return this; }
        public Builder lastEpoch(boolean v) { lastEpoch = v; return this; }
        public Builder focalGamma(double v) { focalGamma = v; return this; }

        /** @throws BadInputException if a value is out of range */
        public DenseTrainingConfig build() {
            return new DenseTrainingConfig(cells, positiveRadius, ignoreRadius, featureWeight, featureCropShare,
                    cropsPerEpoch, batchCrops, augment, scaleJitter, colourJitter, noise, miningRounds, hardCropShare,
                    structureWeight, rotationDegrees, weightAveraging, missedShare, lastEpoch, focalGamma);
        }
    }
}
