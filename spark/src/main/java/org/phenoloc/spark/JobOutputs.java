package org.phenoloc.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes the job's results under OUT, each partitioned by {@code batch} (folders {@code batch=NAME}):
 * {@code detections/}, {@code counts/} and {@code skipped/} as Parquet (x, y, score as doubles, count as long), and
 * {@code csv/detections/}, {@code csv/counts/}, {@code csv/skipped/} as CSV with a header and exactly the command
 * line's columns and text ({@code image,class,x,y,score}; {@code image,class,count}; {@code image,problem}), one file
 * per batch in input order. Partitions are overwritten dynamically: a re-run replaces the batches it recomputed and
 * leaves the others; a recomputed batch with no rows left in an output (e.g. no image skipped any more) loses its old
 * folder there.
 */
final class JobOutputs {
    static final StructType DETECTIONS = new StructType().add("batch", DataTypes.StringType).add("index", DataTypes.LongType)
            .add("row", DataTypes.IntegerType).add("image", DataTypes.StringType).add("class", DataTypes.StringType)
            .add("x", DataTypes.StringType).add("y", DataTypes.StringType).add("score", DataTypes.StringType);
    static final StructType COUNTS = new StructType().add("batch", DataTypes.StringType).add("index", DataTypes.LongType)
            .add("row", DataTypes.IntegerType).add("image", DataTypes.StringType).add("class", DataTypes.StringType)
            .add("count", DataTypes.StringType);
    static final StructType SKIPPED = new StructType().add("batch", DataTypes.StringType).add("index", DataTypes.LongType)
            .add("row", DataTypes.IntegerType).add("image", DataTypes.StringType).add("problem", DataTypes.StringType);

    private final SparkSession spark;
    private final String out;

    JobOutputs(SparkSession spark, String out) {
        this.spark = spark;
        this.out = out;
    }

    /**
     * @param batches  the batches of this run (recomputed)
     * @param present  per output name ("detections", "counts", "skipped"), the batches that have rows in it
     */
    void write(JavaRDD<ImageOutcome> outcomes, Set<String> batches, java.util.Map<String, Set<String>> present)
            throws IOException {
        spark.conf().set("spark.sql.sources.partitionOverwriteMode", "dynamic");
        Dataset<Row> det = frame(outcomes.flatMap(o -> rows(o, o.detections()).iterator()), DETECTIONS);
        Dataset<Row> counts = frame(outcomes.flatMap(o -> rows(o, o.counts()).iterator()), COUNTS);
        Dataset<Row> skipped = frame(outcomes.filter(ImageOutcome::skipped).map(o -> RowFactory.create(o.task().batch(),
                o.task().index(), 0, o.task().name(), o.problem())), SKIPPED);
        write(det.withColumn("x", col("x").cast("double")).withColumn("y", col("y").cast("double"))
                .withColumn("score", col("score").cast("double")), "detections", "parquet", batches, present.get("detections"));
        write(counts.withColumn("count", col("count").cast("long")), "counts", "parquet", batches, present.get("counts"));
        write(skipped, "skipped", "parquet", batches, present.get("skipped"));
        write(det, "csv/detections", "csv", batches, present.get("detections"));
        write(counts, "csv/counts", "csv", batches, present.get("counts"));
        write(skipped, "csv/skipped", "csv", batches, present.get("skipped"));
    }

    private Dataset<Row> frame(JavaRDD<Row> rows, StructType schema) {
        return spark.createDataFrame(rows, schema);
    }

    private static List<Row> rows(ImageOutcome o, List<String[]> texts) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Object[] v = new Object[3 + texts.get(i).length];
            v[0] = o.task().batch();
            v[1] = o.task().index();
            v[2] = i;
            System.arraycopy(texts.get(i), 0, v, 3, texts.get(i).length);
            rows.add(RowFactory.create(v));
        }
        return rows;
    }

    /** One file per batch, rows in input order; sorting by batch first satisfies the writer's own ordering. */
    private void write(Dataset<Row> rows, String name, String format, Set<String> batches, Set<String> present)
            throws IOException {
        String dir = out + "/" + name;
        Dataset<Row> ordered = rows.repartition(col("batch")).sortWithinPartitions("batch", "index", "row")
                .drop("index", "row");
        ordered.write().mode(SaveMode.Overwrite).partitionBy("batch").format(format).option("header", "true")
                .option("escape", "\"").save(dir); // quotes doubled inside quoted fields, as commons-csv writes them
        removeStale(dir, batches, present);
    }

    private void removeStale(String dir, Set<String> batches, Set<String> present) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        for (String b : batches) {
            if (!present.contains(b)) {
                Path p = new Path(dir, "batch=" + b);
                FileSystem fs = p.getFileSystem(conf);
                if (fs.exists(p)) {
                    fs.delete(p, true);
                }
            }
        }
    }
}
