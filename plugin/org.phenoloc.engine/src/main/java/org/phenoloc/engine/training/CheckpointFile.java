package org.phenoloc.engine.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.phenoloc.engine.evaluation.MatchSummary;
import org.phenoloc.engine.io.AtomicFiles;
import org.phenoloc.engine.io.BadInputException;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A dense training's checkpoint on disk ({@code MODEL.checkpoint} beside the model the command line writes): a zip of
 * {@code checkpoint.json} (the epoch, history, best calibration, mined crops, the sampler's random state, and the
 * fingerprint of the training's data and settings) and the weight arrays in ND4J's binary format. Replaced atomically
 * and forced to disk after every epoch, so a stopped run (Ctrl-C, a killed process, a lost machine) loses at most the
 * epoch it was in. A checkpoint continues only the training it was made by: the same fingerprint.
 */
public final class CheckpointFile implements DenseCheckpoint.Store {
    static final int FORMAT = 1;
    private static final String STATE = "checkpoint.json";
    private static final String[] ARRAYS = {"network", "optimiser", "average", "best"};

    private final Path file;
    private final String fingerprint;
    private final Consumer<String> warnings;

    /** @param fingerprint identifies the training's data and settings ({@link TrainingJob#fingerprint}) */
    public CheckpointFile(Path file, String fingerprint) {
        this(file, fingerprint, w -> {});
    }

    /**
     * @param warnings told when a checkpoint cannot be written (e.g. the disk is full): the training goes on, since
     *                 the model itself is saved (or rescued) at the end
     */
    public CheckpointFile(Path file, String fingerprint, Consumer<String> warnings) {
        this.file = file;
        this.fingerprint = fingerprint;
        this.warnings = warnings;
    }

    /** Where the command line keeps the checkpoint of a training that writes {@code model}. */
    public static Path beside(Path model) {
        return model.resolveSibling(model.getFileName() + ".checkpoint");
    }

    public Path file() {
        return file;
    }

    @Override
    public String describe() {
        return file.toString();
    }

    /** What a checkpoint file says of itself, read without its arrays: for messages about an unfinished training. */
    public record Summary(int epoch, int epochs) {}

    /** @throws BadInputException naming the file if it is not a checkpoint */
    public static Summary summary(Path file) {
        JsonObject o = readState(file);
        return new Summary(o.get("epoch").getAsInt(), o.get("epochs").getAsInt());
    }

    @Override
    public Optional<DenseCheckpoint> resume() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonObject o = readState(file);
        if (!fingerprint.equals(o.get("fingerprint").getAsString())) {
            throw new BadInputException(file, "this checkpoint belongs to a training with other images, annotations or"
                    + " settings; continue it with the command that started it, or delete the file to start afresh");
        }
        try {
            return Optional.of(checkpoint(o, readArrays(file)));
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(file, "not a readable checkpoint (" + e.getMessage() + "); delete it to start"
                    + " the training afresh", e);
        }
    }

    @Override
    public void save(DenseCheckpoint c) {
        byte[] state = new GsonBuilder().serializeSpecialFloatingPointValues().setPrettyPrinting().create()
                .toJson(toJson(c)).getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.write(file, out -> write(out, state, c), true);
        } catch (IOException e) {
            warnings.accept("warning: the checkpoint after epoch " + c.epoch() + " was not kept (" + e.getMessage()
                    + "); the training goes on");
        }
    }

    private static void write(OutputStream out, byte[] state, DenseCheckpoint c) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry(STATE));
        zip.write(state);
        zip.closeEntry();
        INDArray[] arrays = {c.weights().network(), c.weights().optimiser(), c.weights().average(), c.best().classifier()};
        for (int i = 0; i < ARRAYS.length; i++) {
            if (arrays[i] != null) {
                zip.putNextEntry(new ZipEntry(ARRAYS[i] + ".bin"));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                Nd4j.write(arrays[i], new DataOutputStream(bytes));
                zip.write(bytes.toByteArray());
                zip.closeEntry();
            }
        }
        zip.finish();
    }

    private JsonObject toJson(DenseCheckpoint c) {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("fingerprint", fingerprint);
        o.addProperty("epoch", c.epoch());
        o.addProperty("epochs", c.epochs());
        o.addProperty("iterations", c.weights().iterations());
        o.addProperty("averageUpdates", c.weights().averageUpdates());
        o.addProperty("random", Base64.getEncoder().encodeToString(c.random()));
        o.add("best", bestJson(c.best()));
        JsonArray hard = new JsonArray();
        for (DenseCrops.HardNegative h : c.mining().hardNegatives()) {
            hard.add(array(h.image(), h.x(), h.y()));
        }
        o.add("hardNegatives", hard);
        JsonArray missed = new JsonArray();
        for (DenseCrops.MissedFeature m : c.mining().missed()) {
            missed.add(array(m.image(), m.feature()));
        }
        o.add("missed", missed);
        JsonArray history = new JsonArray();
        for (EpochStats s : c.history()) {
            history.add(array(s.epoch(), s.learningRate(), s.meanLoss(), s.trainAccuracy(), s.testAccuracy(), s.seconds(),
                    s.best() ? 1 : 0, s.validationF1()));
        }
        o.add("history", history);
        o.add("timing", array(c.timing().seconds(), c.timing().fitSeconds(), c.timing().crops()));
        return o;
    }

    private static JsonObject bestJson(DenseCheckpoint.Best b) {
        JsonObject o = new JsonObject();
        o.addProperty("epoch", b.epoch());
        o.addProperty("sinceBest", b.sinceBest());
        Calibration c = b.calibration();
        JsonObject thresholds = new JsonObject();
        c.thresholds().forEach(thresholds::addProperty);
        o.add("thresholds", thresholds);
        o.addProperty("radius", c.radius());
        o.addProperty("flips", c.flips());
        JsonObject scores = new JsonObject();
        c.scores().forEach((k, s) -> scores.add(k, array(s.images(), s.truePositives(), s.falsePositives(),
                s.falseNegatives(), s.precision(), s.recall(), s.f1(), s.meanError(), s.meanAbsoluteCountError(),
                s.meanCountError())));
        o.add("scores", scores);
        return o;
    }

    private static DenseCheckpoint checkpoint(JsonObject o, Map<String, INDArray> arrays) throws IOException {
        JsonObject b = o.getAsJsonObject("best");
        Map<String, Double> thresholds = new LinkedHashMap<>();
        b.getAsJsonObject("thresholds").entrySet().forEach(e -> thresholds.put(e.getKey(), e.getValue().getAsDouble()));
        Map<String, MatchSummary> scores = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : b.getAsJsonObject("scores").entrySet()) {
            double[] v = numbers(e.getValue());
            scores.put(e.getKey(), new MatchSummary((int) v[0], (int) v[1], (int) v[2], (int) v[3], v[4], v[5], v[6], v[7],
                    v[8], v[9]));
        }
        Calibration calibration = new Calibration(thresholds, b.get("radius").getAsDouble(), scores,
                b.get("flips").getAsBoolean());
        List<DenseCrops.HardNegative> hard = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("hardNegatives")) {
            double[] v = numbers(e);
            hard.add(new DenseCrops.HardNegative((int) v[0], v[1], v[2]));
        }
        List<DenseCrops.MissedFeature> missed = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("missed")) {
            double[] v = numbers(e);
            missed.add(new DenseCrops.MissedFeature((int) v[0], (int) v[1]));
        }
        List<EpochStats> history = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("history")) {
            double[] v = numbers(e);
            history.add(new EpochStats((int) v[0], v[1], v[2], v[3], v[4], v[5], v[6] != 0, v[7]));
        }
        double[] t = numbers(o.get("timing"));
        byte[] random = Base64.getDecoder().decode(o.get("random").getAsString());
        RandomState.load(random); // a broken state fails here, with the file named, not when training resumes
        return new DenseCheckpoint(o.get("epoch").getAsInt(), o.get("epochs").getAsInt(),
                new DenseCheckpoint.Weights(required(arrays, "network"), required(arrays, "optimiser"),
                        o.get("iterations").getAsInt(), arrays.get("average"), o.get("averageUpdates").getAsLong()),
                new DenseCheckpoint.Best(required(arrays, "best"), calibration, b.get("epoch").getAsInt(),
                        b.get("sinceBest").getAsInt()),
                new DenseCheckpoint.Mining(hard, missed), random, history,
                new DenseCheckpoint.Timing(t[0], t[1], (long) t[2]));
    }

    private static INDArray required(Map<String, INDArray> arrays, String name) throws IOException {
        INDArray a = arrays.get(name);
        if (a == null) {
            throw new IOException("no " + name + " weights");
        }
        return a;
    }

    private static JsonObject readState(Path file) {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                if (e.getName().equals(STATE)) {
                    JsonObject o = new JsonParser().parse(new String(zip.readAllBytes(), StandardCharsets.UTF_8))
                            .getAsJsonObject();
                    if (!o.has("format") || o.get("format").getAsInt() != FORMAT || !o.has("fingerprint")
                            || !o.has("epoch") || !o.has("epochs")) {
                        throw new IOException("unknown checkpoint format");
                    }
                    return o;
                }
            }
            throw new IOException("no " + STATE + " inside");
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, "checkpoint not found", e);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(file, "not a readable checkpoint (" + e.getMessage() + "); delete it to start"
                    + " the training afresh", e);
        }
    }

    private static Map<String, INDArray> readArrays(Path file) throws IOException {
        Map<String, INDArray> arrays = new HashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                String name = e.getName();
                if (name.endsWith(".bin")) {
                    byte[] bytes = zip.readAllBytes();
                    arrays.put(name.substring(0, name.length() - 4),
                            Nd4j.read(new DataInputStream(new ByteArrayInputStream(bytes))));
                }
            }
        }
        return arrays;
    }

    private static JsonArray array(double... values) {
        JsonArray a = new JsonArray();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    private static double[] numbers(JsonElement e) {
        JsonArray a = e.getAsJsonArray();
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsDouble();
        }
        return v;
    }
}
