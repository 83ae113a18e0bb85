package org.phenoloc.engine.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.phenoloc.engine.network.Architecture;
import org.phenoloc.engine.patches.PatchRecipe;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Everything needed to use a trained network and to know how it was made (Tribuo-style provenance).
 *
 * @param task        "roots" or "shoots"
 * @param classes     class names; the last is the negative class
 * @param architecture network shape
 * @param recipe      how patches were cut (window, crop, scale, negatives)
 * @param imageScale  images are scaled by this before scanning (1 roots, 0.5 shoots)
 * @param thresholds  default per-class probability thresholds for localisation (negative class excluded); calibrated
 *                    on validation images by dense training, the paper's fixed values otherwise
 * @param suppressionRadius default peak-suppression radius in original-image pixels (calibrated with the thresholds);
 *                    0 = half the window
 * @param untrainedClasses feature classes the training data had no examples of: the localiser reports nothing for
 *                    them
 * @param flipAveraging the thresholds were calibrated on flip-averaged scans ({@code FlipAveragingScanner}), which the
 *                    localiser then uses by default (chosen in training where it raised validation F1)
 * @param provenance  how it was trained ({@link TrainingProvenance#toMap()}, plus free-form keys), ordered
 */
public record ModelMetadata(String task, List<String> classes, Architecture architecture, PatchRecipe recipe,
        double imageScale, Map<String, Double> thresholds, double suppressionRadius, List<String> untrainedClasses,
        boolean flipAveraging, Map<String, String> provenance) {

    /**
     * 2: calibrated thresholds with their suppression radius, untrained classes, training method in the provenance.
     * Version 1 files load with radius 0 (half the window) and every class trained.
     * 3: flip averaging (version 1 and 2 files load without it).
     */
    public static final int FORMAT_VERSION = 3;

    public ModelMetadata {
        classes = List.copyOf(classes);
        thresholds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
        untrainedClasses = List.copyOf(untrainedClasses);
        provenance = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        if (suppressionRadius < 0) {
            throw new IllegalArgumentException("suppression radius must be >= 0, was " + suppressionRadius);
        }
        // patches, scans and radii all read the window from one of the two: they must agree
        if (recipe.window() != architecture.window()) {
            throw new IllegalArgumentException("the patch window (" + recipe.window() + " px) differs from the network's ("
                    + architecture.window() + " px)");
        }
        if (classes.size() != architecture.classes()) {
            throw new IllegalArgumentException(classes.size() + " class names " + classes + " for a network of "
                    + architecture.classes() + " classes");
        }
        for (String c : untrainedClasses) {
            if (!classes.contains(c)) {
                throw new IllegalArgumentException("untrained class '" + c + "' is not one of " + classes);
            }
        }
    }

    /** Metadata with the fixed thresholds given, half-window suppression and every class trained (format 1). */
    public ModelMetadata(String task, List<String> classes, Architecture architecture, PatchRecipe recipe,
            double imageScale, Map<String, Double> thresholds, Map<String, String> provenance) {
        this(task, classes, architecture, recipe, imageScale, thresholds, 0, List.of(), false, provenance);
    }

    /**
     * Half the window in original-image pixels: how far one window reaches from its centre, the radius of the overlays'
     * circles and the suppression radius of a model without a calibrated one.
     */
    public double halfWindowPixels() {
        return recipe.window() / 2.0 / imageScale;
    }

    /** The typed provenance (fields an older model lacks are empty). */
    public TrainingProvenance training() {
        return TrainingProvenance.fromMap(provenance);
    }

    public ModelMetadata withCalibration(Map<String, Double> calibrated, double radius) {
        Map<String, Double> t = new LinkedHashMap<>(thresholds);
        t.putAll(calibrated);
        return new ModelMetadata(task, classes, architecture, recipe, imageScale, t, radius, untrainedClasses, flipAveraging,
                provenance);
    }

    public ModelMetadata withUntrainedClasses(List<String> untrained) {
        return new ModelMetadata(task, classes, architecture, recipe, imageScale, thresholds, suppressionRadius, untrained,
                flipAveraging, provenance);
    }

    /** Class names without the trailing negative class. */
    public List<String> featureClasses() {
        return classes.subList(0, classes.size() - 1);
    }

    public ModelMetadata withProvenance(Map<String, String> more) {
        Map<String, String> p = new LinkedHashMap<>(provenance);
        p.putAll(more);
        return new ModelMetadata(task, classes, architecture, recipe, imageScale, thresholds, suppressionRadius,
                untrainedClasses, flipAveraging, p);
    }

    /** The same model calibrated with (true) or without flip averaging. */
    public ModelMetadata withFlipAveraging(boolean on) {
        return new ModelMetadata(task, classes, architecture, recipe, imageScale, thresholds, suppressionRadius,
                untrainedClasses, on, provenance);
    }

    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("format", "phenoloc-model");
        o.addProperty("formatVersion", FORMAT_VERSION);
        o.addProperty("task", task);
        o.add("classes", strings(classes));
        JsonObject a = new JsonObject();
        a.addProperty("window", architecture.window());
        a.addProperty("channels", architecture.channels());
        a.add("convStack", strings(architecture.convStack()));
        JsonArray dense = new JsonArray();
        architecture.denseWidths().forEach(dense::add);
        a.add("denseWidths", dense);
        a.addProperty("classes", architecture.classes());
        a.addProperty("dropout", architecture.dropout());
        a.addProperty("batchNorm", architecture.batchNorm());
        o.add("architecture", a);
        JsonObject r = new JsonObject();
        r.addProperty("window", recipe.window());
        r.addProperty("crop", recipe.crop());
        r.addProperty("scale", recipe.scale());
        r.addProperty("negativeRatio", recipe.negativeRatio());
        r.addProperty("hardNegativeShare", recipe.hardNegativeShare());
        r.addProperty("exclusionRadius", recipe.exclusionRadius());
        o.add("recipe", r);
        o.addProperty("imageScale", imageScale);
        JsonObject t = new JsonObject();
        thresholds.forEach(t::addProperty);
        o.add("thresholds", t);
        o.addProperty("suppressionRadius", suppressionRadius);
        o.add("untrainedClasses", strings(untrainedClasses));
        o.addProperty("flipAveraging", flipAveraging);
        JsonObject p = new JsonObject();
        provenance.forEach(p::addProperty);
        o.add("provenance", p);
        return new com.google.gson.GsonBuilder().setPrettyPrinting().create().toJson(o);
    }

    /**
     * @throws IllegalArgumentException naming what is missing or wrong ({@link ModelFiles} turns it into a
     *                                  {@code BadInputException} naming the file)
     */
    public static ModelMetadata fromJson(String json) {
        JsonObject o;
        try {
            o = new JsonParser().parse(json).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("metadata.json is not a JSON object (" + e.getMessage() + ")", e);
        }
        for (String key : List.of("format", "formatVersion", "task", "classes", "architecture", "recipe", "imageScale",
                "thresholds", "provenance")) {
            if (!o.has(key) || o.get(key).isJsonNull()) {
                throw new IllegalArgumentException("metadata.json lacks '" + key + "'");
            }
        }
        if (!"phenoloc-model".equals(o.get("format").getAsString())) {
            throw new IllegalArgumentException("not a Phenoloc model (format '" + o.get("format").getAsString() + "')");
        }
        int version = o.get("formatVersion").getAsInt();
        if (version > FORMAT_VERSION) {
            throw new IllegalArgumentException("model format " + version + " is newer than this Phenoloc ("
                    + FORMAT_VERSION + "): update Phenoloc");
        }
        JsonObject a = o.getAsJsonObject("architecture");
        Architecture arch = new Architecture(a.get("window").getAsInt(), a.get("channels").getAsInt(),
                strings(a.getAsJsonArray("convStack")),
                ints(a.getAsJsonArray("denseWidths")),
                a.get("classes").getAsInt(), a.get("dropout").getAsDouble(),
                a.has("batchNorm") && a.get("batchNorm").getAsBoolean());
        JsonObject r = o.getAsJsonObject("recipe");
        PatchRecipe recipe = new PatchRecipe(r.get("window").getAsInt(), r.get("crop").getAsInt(), r.get("scale").getAsDouble(),
                r.get("negativeRatio").getAsDouble(), r.get("hardNegativeShare").getAsDouble(),
                r.get("exclusionRadius").getAsDouble());
        Map<String, Double> thresholds = new LinkedHashMap<>();
        o.getAsJsonObject("thresholds").entrySet().forEach(e -> thresholds.put(e.getKey(), e.getValue().getAsDouble()));
        Map<String, String> provenance = new LinkedHashMap<>();
        o.getAsJsonObject("provenance").entrySet().forEach(e -> provenance.put(e.getKey(), e.getValue().getAsString()));
        double radius = o.has("suppressionRadius") ? o.get("suppressionRadius").getAsDouble() : 0;
        List<String> untrained = o.has("untrainedClasses") ? strings(o.getAsJsonArray("untrainedClasses")) : List.of();
        boolean flips = o.has("flipAveraging") && o.get("flipAveraging").getAsBoolean();
        return new ModelMetadata(o.get("task").getAsString(), strings(o.getAsJsonArray("classes")), arch, recipe,
                o.get("imageScale").getAsDouble(), thresholds, radius, untrained, flips, provenance);
    }

    private static JsonArray strings(List<String> values) {
        JsonArray arr = new JsonArray();
        values.forEach(arr::add);
        return arr;
    }

    private static List<String> strings(JsonArray arr) {
        List<String> out = new java.util.ArrayList<>();
        arr.forEach(e -> out.add(e.getAsString()));
        return out;
    }

    private static List<Integer> ints(JsonArray arr) {
        List<Integer> out = new java.util.ArrayList<>();
        arr.forEach(e -> out.add(e.getAsInt()));
        return out;
    }
}
