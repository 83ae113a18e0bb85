package org.phenoloc.engine.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.phenoloc.engine.io.AtomicFiles;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.network.Backend;

/**
 * The model file: a zip with {@code metadata.json} (readable by any tool) and {@code network.zip} (DL4J's
 * ModelSerializer format, without updater state). Written atomically.
 */
public final class ModelFiles {
    static final String METADATA = "metadata.json";
    static final String NETWORK = "network.zip";

    private ModelFiles() {}

    public static void save(PhenolocModel model, Path file) throws IOException {
        ByteArrayOutputStream net = new ByteArrayOutputStream();
        ModelSerializer.writeModel(model.network(), net, false);
        AtomicFiles.write(file, out -> write(out, model.metadata().toJson().getBytes(StandardCharsets.UTF_8), net.toByteArray()));
    }

    /** Writes the model to a stream (the KNIME port serializer uses this). The stream is not closed. */
    public static void write(PhenolocModel model, OutputStream out) throws IOException {
        ByteArrayOutputStream net = new ByteArrayOutputStream();
        ModelSerializer.writeModel(model.network(), net, false);
        write(out, model.metadata().toJson().getBytes(StandardCharsets.UTF_8), net.toByteArray());
    }

    private static void write(OutputStream out, byte[] metadata, byte[] network) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry(METADATA));
        zip.write(metadata);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(NETWORK));
        zip.write(network);
        zip.closeEntry();
        zip.finish();
    }

    public static PhenolocModel load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, "model file not found");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot read model: " + e.getMessage(), e);
        }
    }

    /** Reads a model from a stream; {@code source} names it in error messages. */
    public static PhenolocModel read(InputStream in, Path source) throws IOException {
        byte[] metadata = null;
        byte[] network = null;
        try {
            ZipInputStream zip = new ZipInputStream(in);
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                if (e.getName().equals(METADATA)) {
                    metadata = zip.readAllBytes();
                } else if (e.getName().equals(NETWORK)) {
                    network = zip.readAllBytes();
                }
            }
        } catch (ZipException e) {
            throw new BadInputException(source, "not a Phenoloc model file (corrupt zip: " + e.getMessage() + ")", e);
        }
        if (metadata == null || network == null) {
            throw new BadInputException(source, "not a Phenoloc model file (needs " + METADATA + " and " + NETWORK + ")");
        }
        warmUpConfiguration(network);
        Backend.init();
        ModelMetadata meta;
        try {
            meta = ModelMetadata.fromJson(new String(metadata, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new BadInputException(source, "bad model metadata: " + e.getMessage(), e);
        }
        MultiLayerNetwork net;
        try {
            net = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(network), false);
        } catch (Exception e) {
            throw new BadInputException(source, "cannot restore the network: " + e.getMessage(), e);
        }
        return new PhenolocModel(net, meta);
    }

    /**
     * Start-up: on a cold JVM, DL4J's first configuration parse (Jackson and the layer classes) adds to the loading of
     * the native libraries. Parsing the network's configuration on a daemon thread while {@link Backend#init()} runs
     * overlaps the two, and the restore finds the classes ready (a cold load of the root model: 1.57 s against 1.83 s
     * on an idle 2-core machine, 2.3 s against 3.0 s on a busy one). The result is thrown away and so are its errors:
     * the restore on the caller's thread parses again and reports them.
     */
    private static void warmUpConfiguration(byte[] network) {
        if (Backend.isInitialised()) {
            return; // a warm JVM (KNIME, a second model): nothing to overlap
        }
        Backend.prepare(); // the class loader ND4J will use is fixed before the other thread can touch it
        Thread t = new Thread(() -> {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(network))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                    if (e.getName().equals(ModelSerializer.CONFIGURATION_JSON)) {
                        MultiLayerConfiguration.fromJson(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                        return;
                    }
                }
            } catch (Exception | LinkageError ignored) {
                // reported by the restore
            }
        }, "phenoloc-model-warm-up");
        t.setDaemon(true);
        t.start();
    }
}
