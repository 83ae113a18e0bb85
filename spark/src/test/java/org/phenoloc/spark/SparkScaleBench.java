package org.phenoloc.spark;

import java.nio.file.Path;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phenoloc.engine.cli.Main;
import org.phenoloc.engine.synthetic.RootSystemConfig;
import org.phenoloc.engine.synthetic.RootSystemGenerator;

/**
 * The Spark job's throughput in local[2] against {@code phenoloc localise --workers 2} on the same generated images, in
 * one JVM. Not part of the build (minutes of CPU): {@code ./mvnw -o -pl spark test -Dtest=SparkScaleBench
 * -Dphenoloc.spark.bench=8} (the number of 1024x1024 images). Prints images/hour; the model is the untrained
 * half-width root net of {@code phenoloc benchmark scale}.
 */
class SparkScaleBench {
    @TempDir
    Path dir;

    @Test
    void sparkLocalTwoAgainstTheCommandLine() throws Exception {
        String n = System.getProperty("phenoloc.spark.bench");
        Assumptions.assumeTrue(n != null, "benchmark: run with -Dphenoloc.spark.bench=IMAGES");
        Path images = dir.resolve("images");
        RootSystemGenerator.writeDataset(images, Integer.parseInt(n), new RootSystemConfig(1024, 1024, 3, 5, 0.8, 0.3, 11));
        Path model = org.phenoloc.engine.cli.BenchModels.untrained(dir.resolve("m.phenoloc"));
        SparkSession spark = SparkSession.builder().master("local[2]").appName("phenoloc-bench")
                .config("spark.ui.enabled", "false").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            for (int round = 0; round < 2; round++) {
                long t = System.nanoTime();
                Main.run("localise", "--model", model.toString(), "--images", images.toString(), "--out",
                        dir.resolve("cli" + round).toString(), "--workers", "2");
                double cli = (System.nanoTime() - t) / 1e9;
                t = System.nanoTime();
                LocaliseJob.run(spark, "--model", model.toString(), "--images", images.toString(), "--out",
                        dir.resolve("spark" + round).toString());
                double sp = (System.nanoTime() - t) / 1e9;
                System.out.printf("BENCH round %d: %s images; localise --workers 2 (pictures written) %.1f s = %.0f images/hour;"
                        + " Spark local[2] (no pictures, Parquet + CSV) %.1f s = %.0f images/hour%n", round + 1, n, cli,
                        3600 * Integer.parseInt(n) / cli, sp, 3600 * Integer.parseInt(n) / sp);
            }
        } finally {
            spark.stop();
        }
    }
}
