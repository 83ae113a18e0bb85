package org.phenoloc.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;
import org.phenoloc.engine.Task;
import org.phenoloc.engine.model.ModelFiles;
import org.phenoloc.engine.model.ModelMetadata;
import org.phenoloc.engine.model.PhenolocModel;
import org.phenoloc.engine.network.Architecture;
import org.phenoloc.engine.network.NetworkFactory;
import org.phenoloc.engine.synthetic.RootSystemConfig;
import org.phenoloc.engine.synthetic.RootSystemGenerator;

/**
 * The jar for spark-submit (after package): it bundles no class of Spark or of the libraries Spark puts on every
 * class path (Scala, Hadoop, Jackson, Guava, netty, protobuf, SLF4J/log4j, Parquet, Arrow, ...), renames the copies
 * of libraries Spark's class path may hold in other versions, and the job runs from it on a class path of Spark's
 * jars alone (failsafe excludes the bundled dependencies), ND4J's natives included.
 */
class ShadedJarIT {
    /** Packages a cluster's Spark provides: a copy in our jar could shadow or clash with them. */
    static final List<String> SPARKS = List.of("org/apache/spark/", "scala/", "org/apache/hadoop/", "com/fasterxml/jackson/",
            "com/google/common/", "com/google/protobuf/", "io/netty/", "org/slf4j/", "org/apache/log4j/",
            "org/apache/logging/", "org/apache/parquet/", "org/apache/arrow/", "org/apache/avro/", "org/json4s/",
            "org/apache/commons/", "org/apache/commons/lang3/", "org/apache/commons/math3/", "org/apache/commons/compress/",
            "org/apache/commons/io/", "org/apache/commons/codec/", "org/apache/commons/csv/", "com/google/gson/",
            "com/google/flatbuffers/", "it/unimi/dsi/fastutil/", "org/xerial/snappy/", "com/github/luben/zstd/");

    @TempDir
    Path dir;

    @Test
    void theJarBundlesNothingSparkProvidesAndRunsOnSparksClassPath() throws Exception {
        Path jar = Path.of(System.getProperty("phenoloc.spark.jar"));
        List<String> clashes = new ArrayList<>();
        boolean natives = false;
        try (JarFile j = new JarFile(jar.toFile())) {
            for (var e : java.util.Collections.list(j.entries())) {
                String n = e.getName();
                if (!n.endsWith("/")) {
                    SPARKS.stream().filter(n::startsWith).findFirst().ifPresent(p -> clashes.add(n));
                }
                natives |= n.contains("/linux-x86_64") && n.endsWith("/libnd4jcpu.so");
            }
            assertTrue(j.getManifest().getMainAttributes().getValue("Main-Class").equals(LocaliseJob.class.getName()));
        }
        assertEquals(List.of(), clashes.stream().limit(20).toList(), clashes.size() + " classes Spark provides");
        assertTrue(natives, "ND4J's linux-x86_64 natives are in the jar");
        assertEquals(jar.toRealPath(), Path.of(LocaliseJob.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toRealPath(), "the job runs from the shaded jar");
        assertTrue(LocaliseJob.class.getClassLoader().getResource("org/phenoloc/shaded/gson/Gson.class") != null);

        Path images = dir.resolve("images");
        RootSystemGenerator.writeDataset(images, 1, new RootSystemConfig(200, 200, 1, 2, 0.5, 0.2, 3));
        Files.writeString(images.resolve("broken.jpg"), "not a jpeg");
        Architecture a = Architecture.paperRoot(3).scaled(0.125);
        Path model = dir.resolve("m.phenoloc");
        ModelFiles.save(new PhenolocModel(NetworkFactory.build(a, new StepSchedule(ScheduleType.EPOCH, 0.01, 0.1, 1), 0.9,
                0, 5), new ModelMetadata("roots", Task.ROOTS.classes(), a, Task.ROOTS.recipe(), 1.0,
                Task.ROOTS.defaultThresholds(), Map.of())), model);
        SparkSession spark = SparkSession.builder().master("local[1]").appName("phenoloc-it")
                .config("spark.ui.enabled", "false").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1").config("spark.sql.shuffle.partitions", "1").getOrCreate();
        try {
            spark.sparkContext().setLogLevel("WARN");
            LocaliseJob.Summary s = LocaliseJob.run(spark, "--model", model.toString(), "--images", images.toString(),
                    "--out", dir.resolve("out").toString(), "--threshold", "0.1");
            assertEquals(2, s.images());
            assertEquals(1, s.skipped());
            assertTrue(Files.isDirectory(dir.resolve("out/csv/skipped/batch=images")));
        } finally {
            spark.stop();
        }
    }
}
