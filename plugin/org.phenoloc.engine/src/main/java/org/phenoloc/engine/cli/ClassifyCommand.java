package org.phenoloc.engine.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.phenoloc.engine.io.AtomicFiles;
import org.phenoloc.engine.model.ModelFiles;
import org.phenoloc.engine.model.PhenolocModel;
import org.phenoloc.engine.patches.Patch;
import org.phenoloc.engine.report.PatchEvaluation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Cut patches from annotated images (the model's recipe) and classify them;",
            "write DIR/patch-predictions.csv (image,x,y,true_class,predicted_class,p_<class>...) and DIR/patch-report.md (Table 1)."})
final class ClassifyCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "trained model file")
    Path model;

    @Option(names = "--data", required = true, description = "folder of annotated images")
    Path data;

    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Option(names = "--seed", description = "seed for negative sampling (default ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--overwrite", description = "replace the outputs of an earlier run in DIR (they are removed first)")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        CommandChecks.modelFile(model);
        try (OutputFolder folder = OutputFolder.prepare(out, OutputFolder.Outputs.CLASSIFY, overwrite, List.of(data))) {
            return classify();
        }
    }

    private int classify() throws java.io.IOException {
        PhenolocModel m = ModelFiles.load(model);
        var images = org.phenoloc.engine.Task.parse(m.metadata().task()).load(data, null, w -> System.err.println("warning: " + w));
        CommandChecks.knownClasses(data, images, m.metadata().featureClasses());
        var r = PatchEvaluation.run(m, images, seed);
        List<String> classes = m.metadata().classes();
        List<String> header = new ArrayList<>(List.of("image", "x", "y", "true_class", "predicted_class"));
        classes.forEach(c -> header.add("p_" + c));
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < r.patches().size(); i++) {
            Patch p = r.patches().get(i);
            List<String> row = new ArrayList<>(List.of(p.image(), String.format(Locale.ROOT, "%.1f", p.x()),
                    String.format(Locale.ROOT, "%.1f", p.y()), classes.get(p.label()),
                    classes.get(org.phenoloc.engine.patches.PatchClassifier.argMax(r.probabilities()[i]))));
            for (float v : r.probabilities()[i]) {
                row.add(String.format(Locale.ROOT, "%.5f", v));
            }
            rows.add(row.toArray(String[]::new));
        }
        ResultWriter.writeCsv(out.resolve("patch-predictions.csv"), header.toArray(String[]::new), rows);
        AtomicFiles.writeString(out.resolve("patch-report.md"), r.report().toMarkdown());
        System.out.println(r.report().toMarkdown());
        return 0;
    }
}
