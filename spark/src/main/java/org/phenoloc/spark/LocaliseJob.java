package org.phenoloc.spark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.localisation.Localiser;
import org.phenoloc.engine.localisation.LocaliserConfig;
import org.phenoloc.engine.model.ModelFiles;
import org.phenoloc.engine.model.PhenolocModel;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Localises a whole experiment on Apache Spark:
 * {@code spark-submit --class org.phenoloc.spark.LocaliseJob phenoloc-spark.jar --model M --images URI --out URI}.
 * The driver lists the images, checks the model and broadcasts its bytes; executors load it once per JVM and scan
 * the images of their partitions ({@link PartitionScanner}); results are written by {@link JobOutputs}. Unreadable
 * images are listed in OUT/skipped (the job still succeeds); ND4J's native threads per task follow
 * {@code spark.task.cpus} (the executors' {@code OMP_NUM_THREADS}, unless set).
 */
@Command(name = "phenoloc-spark", mixinStandardHelpOptions = true,
        description = "Localise features in many images on a Spark cluster; writes Parquet and CSV under --out.")
public final class LocaliseJob implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "model file (local path or hdfs://, s3a://, file:// URI)")
    String model;

    @Option(names = "--images", required = true, split = ",", description = {"image folders, image files or text files"
        + " listing one image URI a line (repeatable or comma separated)"})
    List<String> images;

    @Option(names = "--out", required = true, description = "output folder URI")
    String out;

    @Option(names = "--batch", description = "output partition of all images (default: each image's parent folder name)")
    String batch;

    @Option(names = "--stride", description = "window step in pixels (default ${DEFAULT-VALUE})")
    int stride = 4;

    @Option(names = "--threshold", description = "P for all classes or CLASS=P (repeatable; default: the model's)")
    List<String> thresholds = List.of();

    @Option(names = "--radius", description = "peak suppression radius in pixels (default: the model's)")
    double radius;

    @Option(names = "--partitions", description = "Spark partitions of the image list (default: 4 x the parallelism)")
    int partitions;

    private SparkSession session;

    /** One image's outcome in brief, collected on the driver. */
    /** One image's outcome in brief, for the driver: batch, detections, problem, and its name if greyscale for a colour model. */
    private record Brief(String batch, long detections, String problem, String grey) implements java.io.Serializable {}

    private static Set<String> batchesWhere(List<Brief> briefs, java.util.function.Predicate<Brief> p) {
        return briefs.stream().filter(p).map(Brief::batch).collect(Collectors.toCollection(TreeSet::new));
    }

    /** What a run did, for the console and tests. */
    /** Images listed, skipped (unreadable), detections written, and greyscale images scanned by a colour model. */
    public record Summary(int images, int skipped, long detections, int greyscale) {}

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new LocaliseJob());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof BadInputException) {
                System.err.println("phenoloc-spark: error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(cl.execute(args));
    }

    /** Runs the job on an existing session (tests, notebooks). */
    public static Summary run(SparkSession spark, String... args) throws Exception {
        LocaliseJob job = new LocaliseJob();
        new CommandLine(job).parseArgs(args);
        job.session = spark;
        return job.run(job.settings());
    }

    @Override
    public Integer call() throws Exception {
        JobSettings s = settings();
        SparkConf conf = new SparkConf();
        // one native thread per task core: the executor's tasks run side by side without oversubscribing
        conf.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", conf.get("spark.task.cpus", "1"));
        session = SparkSession.builder().config(conf).appName("phenoloc localise").getOrCreate();
        try {
            run(s);
            return 0;
        } finally {
            session.stop();
        }
    }

    JobSettings settings() {
        return new JobSettings(model, images, out, batch, new LocaliserConfig(stride,
                LocaliserConfig.parseThresholds(thresholds), radius, true), partitions);
    }

    Summary run(JobSettings s) throws IOException {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(session.sparkContext());
        Configuration hadoop = sc.hadoopConfiguration();
        byte[] bytes = read(s.model(), hadoop);
        PhenolocModel m = ModelFiles.read(new ByteArrayInputStream(bytes), Path.of(s.model()));
        new Localiser(m, s.config()).close(); // thresholds of unknown classes fail here, before any work
        List<ImageTask> tasks = ImageList.list(s.images(), s.batch(), hadoop);
        int parts = s.partitions() > 0 ? s.partitions() : Math.min(tasks.size(), 4 * sc.defaultParallelism());
        System.out.println("phenoloc-spark: " + tasks.size() + " image(s) in " + parts + " partition(s) -> " + s.out());
        Broadcast<byte[]> model = sc.broadcast(bytes);
        JavaRDD<ImageOutcome> outcomes = sc.parallelize(tasks, parts)
                .mapPartitions(new PartitionScanner(model, sha256(bytes), s.config(), m.metadata().featureClasses(), hadoop))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            // the scan runs here, once (the outcomes are cached for the writes)
            List<Brief> briefs = outcomes.map(o -> new Brief(o.task().batch(), o.detections().size(), o.problem(),
                    o.grey() ? o.task().uri() : null)).collect();
            Set<String> batches = tasks.stream().map(ImageTask::batch).collect(Collectors.toCollection(TreeSet::new));
            new JobOutputs(session, s.out()).write(outcomes, batches, Map.of(
                    "detections", batchesWhere(briefs, b -> b.detections() > 0),
                    "counts", batchesWhere(briefs, b -> b.problem() == null && !m.metadata().featureClasses().isEmpty()),
                    "skipped", batchesWhere(briefs, b -> b.problem() != null)));
            long detections = briefs.stream().mapToLong(Brief::detections).sum();
            long skipped = briefs.stream().filter(b -> b.problem() != null).peek(
                    b -> System.err.println("phenoloc-spark: skipped: " + b.problem())).count();
            System.out.println("phenoloc-spark: " + (tasks.size() - skipped) + " image(s) localised, " + detections
                    + " detection(s), " + skipped + " skipped (listed in " + s.out() + "/skipped)");
            List<String> grey = briefs.stream().map(Brief::grey).filter(Objects::nonNull).toList();
            if (!grey.isEmpty()) {
                System.err.println("phenoloc-spark: warning: "
                        + Localiser.greyImagesWarning(grey, tasks.size() - (int) skipped));
            }
            return new Summary(tasks.size(), (int) skipped, detections, grey.size());
        } finally {
            outcomes.unpersist(false);
            model.destroy();
        }
    }

    private static byte[] read(String uri, Configuration conf) throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
        FileSystem fs = p.getFileSystem(conf);
        if (!fs.exists(p)) {
            throw new BadInputException(uri + ": model file not found");
        }
        try (InputStream in = fs.open(p)) {
            return in.readAllBytes();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
