package org.phenoloc.engine.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phenoloc.engine.synthetic.RootSystemConfig;
import org.phenoloc.engine.synthetic.RootSystemGenerator;
import org.phenoloc.engine.synthetic.ShootConfig;
import org.phenoloc.engine.synthetic.ShootGenerator;

/**
 * `phenoloc benchmark` end to end on a tiny generated train/ and valid/ folder: the command that writes the README's
 * result tables trains, compares the methods, evaluates, times the scans and writes its report; and with --model it
 * reports on a model trained earlier without training again; a model file named on the command line that does not
 * exist is reported before training; a second benchmark into a folder in use is refused.
 */
class BenchmarkCommandTest {
    @TempDir
    Path dir;

    @Test
    void shootsAreComparedWithTheClassicalLeafTipPipeline() throws Exception {
        Path data = dir.resolve("shoots");
        ShootGenerator.writeDataset(data.resolve("train"), 2, ShootConfig.defaults().withSeed(1));
        ShootGenerator.writeDataset(data.resolve("valid"), 1, ShootConfig.defaults().withSeed(2));
        Path out = dir.resolve("out");
        ReliabilityTest.run("benchmark", "shoots", "--data", data.toString(), "--out", out.toString(), "--no-paper",
                "--epochs", "1", "--width-scale", "0.125", "--crops-per-epoch", "8", "--mining-rounds", "0")
                .expect(0).says("skeleton baseline: image 2/2");
        String report = Files.readString(out.resolve("shoots.md"));
        for (String part : new String[] {"| dense training (ours, default", "| classical skeleton end points",
            "the classical pipeline with its parameters tuned on the training images only",
            "Classical settings chosen on the training images: `channel=GREENNESS", "region=IMAGE`"}) {
            assertTrue(report.contains(part), "report lacks '" + part + "':\n" + report);
        }
    }

    @Test
    void trainsComparesAndReportsThenReportsOnTheSavedModel() throws Exception {
        Path data = dir.resolve("data");
        RootSystemConfig roots = new RootSystemConfig(256, 320, 2, 3, 0.5, 0.2, 5);
        RootSystemGenerator.writeDataset(data.resolve("train"), 3, roots.withSeed(1));
        RootSystemGenerator.writeDataset(data.resolve("valid"), 2, roots.withSeed(2));
        Path out = dir.resolve("out");
        ReliabilityTest.run("benchmark", "roots", "--data", data.toString(), "--out", out.toString(), "--no-paper",
                "--epochs", "1", "--width-scale", "0.125", "--crops-per-epoch", "8", "--mining-rounds", "0",
                "--image-scale", "0.75").expect(0).says("skeleton baseline: image 3/3");
        String report = Files.readString(out.resolve("roots.md"));
        for (String part : new String[] {"# Benchmark: roots on data", "Data: train/ and valid/",
            "| dense training (ours, default", "| classical skeleton end points", "## Training (dense method)",
            "Image scale 0.75", "## Localisation", "## Speed (stride 4, on the image scaled by 0.75)",
            "faster per megapixel than the naive scan", "training history",
            "## Where the tips lie: on, beside or clear of other roots",
            "| where the tip lies | tips | found: dense training (ours, default", "| found: classical skeleton end points"}) {
            assertTrue(report.contains(part), "report lacks '" + part + "':\n" + report);
        }
        assertTrue(Files.size(out.resolve("roots-benchmark.phenoloc")) > 0, "the trained model is saved");
        assertTrue(Files.exists(out.resolve("roots-training.png")), "training plot");
        assertTrue(Files.exists(out.resolve("roots-methods-pr.png")), "precision-recall plot of the methods");

        assertTrue(!report.contains("The same patches classified by each model"), "one network: no patch comparison");

        // the saved model reported again, standing in for the paper's recipe too: both classify the same patches alike
        Path again = dir.resolve("again");
        String saved = out.resolve("roots-benchmark.phenoloc").toString();
        ReliabilityTest.run("benchmark", "roots", "--data", data.toString(), "--out", again.toString(),
                "--paper-model", saved, "--model", saved).expect(0);
        String second = Files.readString(again.resolve("roots.md"));
        assertTrue(second.contains("(model roots-benchmark.phenoloc, trained in an earlier run)"), second);
        String comparison = second.substring(second.indexOf("The same patches classified by each model"),
                second.indexOf("## Localisation"));
        java.util.List<String> rows = comparison.lines().filter(l -> l.startsWith("| ")).toList();
        assertTrue(rows.size() == 3 && rows.get(0).equals("| model | root_tip (%) | negative (%) | all (%) |")
                && rows.get(1).startsWith("| dense training (ours, default") && rows.get(2).startsWith("| paper's recipe (patches")
                && rows.get(1).substring(rows.get(1).indexOf(" | ")).equals(rows.get(2).substring(rows.get(2).indexOf(" | "))),
                comparison);
        assertTrue(!Files.exists(again.resolve("roots-benchmark.phenoloc")), "nothing trained the second time");
        assertTrue(!Files.exists(again.resolve(OutputLock.NAME)), "the report folder's lock is released at the end");

        // a missing model file is named before any training, not after it
        Path late = dir.resolve("late");
        ReliabilityTest.run("benchmark", "roots", "--data", data.toString(), "--out", late.toString(),
                "--paper-model", dir.resolve("missing.phenoloc").toString(), "--epochs", "1").expect(2)
                .says("missing.phenoloc: model file not found");
        assertTrue(!Files.exists(late.resolve("roots-benchmark.phenoloc")), "nothing trained before the check");

        Process other = new ProcessBuilder("sleep", "60").start(); // a live process holding the folder
        try {
            Files.writeString(again.resolve(OutputLock.NAME), other.pid() + "\n");
            ReliabilityTest.run("benchmark", "roots", "--data", data.toString(), "--out", again.toString(), "--no-paper",
                    "--model", out.resolve("roots-benchmark.phenoloc").toString()).expect(2)
                    .says("in use by another phenoloc run (process " + other.pid());
            assertTrue(Files.readString(again.resolve("roots.md")).equals(second), "the first run's report is kept");
        } finally {
            other.destroy();
            other.waitFor();
        }
    }
}
