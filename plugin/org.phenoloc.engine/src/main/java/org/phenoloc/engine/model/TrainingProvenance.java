package org.phenoloc.engine.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a model was made (Tribuo-style), typed: built in one place ({@code training.TrainingJob.provenance}) for the
 * command line and the KNIME CNN Learner, saved in the model file as the string map of {@link #toMap()} (the keys of
 * format 1 are kept), and read back from any format by {@link #fromMap}. Fields an older file lacks are empty
 * strings, empty lists or NaN.
 *
 * @param created        ISO instant
 * @param software       Phenoloc, DL4J and Java versions (and the front end: command line or KNIME)
 * @param data           where the training data came from (folder, or "KNIME ... table")
 * @param method         "dense" (fully convolutional on crops, calibrated on images) or "patches" (the paper's recipe)
 * @param trainImages    images used for fitting
 * @param testImages     images held out for model selection and calibration
 * @param training       optimiser settings ({@code TrainingConfig})
 * @param dense          dense-training settings ({@code DenseTrainingConfig}), empty for the patch method
 * @param widthScale     layer-width multiplier of the architecture
 * @param trainSamples   training samples seen: patches (patch method) or crops (dense)
 * @param testPatches    held-out patches (patch method), 0 otherwise
 * @param epochsRun      epochs run
 * @param bestEpoch      epoch whose weights were kept
 * @param trainAccuracy  patch accuracy on training patches at the best epoch (patch method)
 * @param testAccuracy   held-out patch accuracy at the best epoch (patch method)
 * @param validationF1   localisation F1 on the held-out images at the calibrated thresholds (dense)
 * @param calibratedOn   "held-out images", "training images (none held out)" or "" (fixed thresholds)
 * @param seconds        training wall time
 * @param samplesPerSecond fitting throughput (patches or crops per second)
 * @param backend        ND4J backend description
 * @param imageScale     how the image scale was chosen ("image scale 0.45, from the roots' width 9.3 px ..."), or ""
 */
public record TrainingProvenance(String created, String software, String data, String method, List<String> trainImages,
        List<String> testImages, String training, String dense, double widthScale, long trainSamples, int testPatches,
        int epochsRun, int bestEpoch, double trainAccuracy, double testAccuracy, double validationF1,
        String calibratedOn, double seconds, double samplesPerSecond, String backend, String imageScale) {

    public TrainingProvenance {
        trainImages = List.copyOf(trainImages);
        testImages = List.copyOf(testImages);
    }

    /** A builder with every field empty: "", no images, 0 counts and NaN measurements (what an old file lacks). */
    public static Builder builder() {
        return new Builder();
    }

    /** This record's values in a builder, to change some of them. */
    public Builder toBuilder() {
        return new Builder().created(created).software(software).data(data).method(method).trainImages(trainImages)
                .testImages(testImages).training(training).dense(dense).widthScale(widthScale).trainSamples(trainSamples)
                .testPatches(testPatches).epochsRun(epochsRun).bestEpoch(bestEpoch).trainAccuracy(trainAccuracy)
                .testAccuracy(testAccuracy).validationF1(validationF1).calibratedOn(calibratedOn).seconds(seconds)
                .samplesPerSecond(samplesPerSecond).backend(backend).imageScale(imageScale);
    }

    /** Named setters for the 21 fields (see the record's parameters). */
    public static final class Builder {
        private String created = "";
        private String software = "";
        private String data = "";
        private String method = "";
        private List<String> trainImages = List.of();
        private List<String> testImages = List.of();
        private String training = "";
        private String dense = "";
        private double widthScale = Double.NaN;
        private long trainSamples;
        private int testPatches;
        private int epochsRun;
        private int bestEpoch;
        private double trainAccuracy = Double.NaN;
        private double testAccuracy = Double.NaN;
        private double validationF1 = Double.NaN;
        private String calibratedOn = "";
        private double seconds = Double.NaN;
        private double samplesPerSecond = Double.NaN;
        private String backend = "";
        private String imageScale = "";

        private Builder() {
        }

        public Builder created(String v) { created = v; return this; }
        public Builder software(String v) { software = v; return this; }
        public Builder data(String v) { data = v; return this; }
        public Builder method(String v) { method = v; return this; }
        public Builder trainImages(List<String> v) { trainImages = v; return this; }
        public Builder testImages(List<String> v) { testImages = v; return this; }
        public Builder training(String v) { training = v; return this; }
        public Builder dense(String v) { dense = v; return this; }
        public Builder widthScale(double v) { widthScale = v; return this; }
        public Builder trainSamples(long v) { trainSamples = v; return this; }
        public Builder testPatches(int v) { testPatches = v; return this; }
        public Builder epochsRun(int v) { epochsRun = v; return this; }
        public Builder bestEpoch(int v) { bestEpoch = v; return this; }
        public Builder trainAccuracy(double v) { trainAccuracy = v; return this; }
        public Builder testAccuracy(double v) { testAccuracy = v; return this; }
        public Builder validationF1(double v) { validationF1 = v; return this; }
        public Builder calibratedOn(String v) { calibratedOn = v; return this; }
        public Builder seconds(double v) { seconds = v; return this; }
        public Builder samplesPerSecond(double v) { samplesPerSecond = v; return this; }
        public Builder backend(String v) { backend = v; return this; }
        public Builder imageScale(String v) { imageScale = v; return this; }

        public TrainingProvenance build() {
            return new TrainingProvenance(created, software, data, method, trainImages, testImages, training, dense,
                    widthScale, trainSamples, testPatches, epochsRun, bestEpoch, trainAccuracy, testAccuracy,
                    validationF1, calibratedOn, seconds, samplesPerSecond, backend, imageScale);
        }
    }

    public Map<String, String> toMap() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("created", created);
        p.put("software", software);
        p.put("data", data);
        p.put("method", method);
        p.put("trainImages", String.join(" ", trainImages));
        p.put("testImages", String.join(" ", testImages));
        p.put("training", training);
        p.put("denseTraining", dense);
        p.put("widthScale", Double.toString(widthScale));
        p.put(method.equals("dense") ? "trainCrops" : "trainPatches", Long.toString(trainSamples));
        p.put("testPatches", Integer.toString(testPatches));
        p.put("epochsRun", Integer.toString(epochsRun));
        p.put("bestEpoch", Integer.toString(bestEpoch));
        p.put("trainAccuracy", f(trainAccuracy));
        p.put("testAccuracy", f(testAccuracy));
        p.put("validationF1", f(validationF1));
        p.put("calibratedOn", calibratedOn);
        p.put("trainingSeconds", String.format(Locale.ROOT, "%.1f", seconds));
        p.put(method.equals("dense") ? "trainingCropsPerSecond" : "trainingPatchesPerSecond",
                String.format(Locale.ROOT, "%.1f", samplesPerSecond));
        p.put("backend", backend);
        if (!imageScale.isEmpty()) {
            p.put("imageScale", imageScale);
        }
        return p;
    }

    public static TrainingProvenance fromMap(Map<String, String> p) {
        String method = p.getOrDefault("method", p.containsKey("trainPatches") ? "patches" : "");
        boolean dense = method.equals("dense");
        return builder().created(p.getOrDefault("created", "")).software(p.getOrDefault("software", ""))
                .data(p.getOrDefault("data", "")).method(method).trainImages(words(p.get("trainImages")))
                .testImages(words(p.get("testImages"))).training(p.getOrDefault("training", ""))
                .dense(p.getOrDefault("denseTraining", "")).widthScale(num(p.get("widthScale")))
                .trainSamples((long) num0(p.get(dense ? "trainCrops" : "trainPatches")))
                .testPatches((int) num0(p.get("testPatches"))).epochsRun((int) num0(p.get("epochsRun")))
                .bestEpoch((int) num0(p.get("bestEpoch"))).trainAccuracy(num(p.get("trainAccuracy")))
                .testAccuracy(num(p.get("testAccuracy"))).validationF1(num(p.get("validationF1")))
                .calibratedOn(p.getOrDefault("calibratedOn", "")).seconds(num(p.get("trainingSeconds")))
                .samplesPerSecond(num(p.get(dense ? "trainingCropsPerSecond" : "trainingPatchesPerSecond")))
                .backend(p.getOrDefault("backend", "")).imageScale(p.getOrDefault("imageScale", "")).build();
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static List<String> words(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
    }

    private static double num(String s) {
        try {
            return s == null || s.isBlank() ? Double.NaN : Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double num0(String s) {
        double v = num(s);
        return Double.isNaN(v) ? 0 : v;
    }
}
