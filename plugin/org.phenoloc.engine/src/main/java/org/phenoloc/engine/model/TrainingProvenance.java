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

    /** Without saying how the image scale was chosen (files written before it was recorded read back this way). */
    public TrainingProvenance(String created, String software, String data, String method, List<String> trainImages,
            List<String> testImages, String training, String dense, double widthScale, long trainSamples,
            int testPatches, int epochsRun, int bestEpoch, double trainAccuracy, double testAccuracy,
            double validationF1, String calibratedOn, double seconds, double samplesPerSecond, String backend) {
        this(created, software, data, method, trainImages, testImages, training, dense, widthScale, trainSamples,
                testPatches, epochsRun, bestEpoch, trainAccuracy, testAccuracy, validationF1, calibratedOn, seconds,
                samplesPerSecond, backend, "");
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
        return new TrainingProvenance(p.getOrDefault("created", ""), p.getOrDefault("software", ""),
                p.getOrDefault("data", ""), method, words(p.get("trainImages")), words(p.get("testImages")),
                p.getOrDefault("training", ""), p.getOrDefault("denseTraining", ""), num(p.get("widthScale")),
                (long) num0(p.get(dense ? "trainCrops" : "trainPatches")), (int) num0(p.get("testPatches")),
                (int) num0(p.get("epochsRun")), (int) num0(p.get("bestEpoch")), num(p.get("trainAccuracy")),
                num(p.get("testAccuracy")), num(p.get("validationF1")), p.getOrDefault("calibratedOn", ""),
                num(p.get("trainingSeconds")),
                num(p.get(dense ? "trainingCropsPerSecond" : "trainingPatchesPerSecond")), p.getOrDefault("backend", ""),
                p.getOrDefault("imageScale", ""));
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
