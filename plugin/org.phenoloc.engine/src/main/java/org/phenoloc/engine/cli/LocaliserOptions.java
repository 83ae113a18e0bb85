package org.phenoloc.engine.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.localisation.LocaliserConfig;

import picocli.CommandLine.Option;

/** Localisation options shared by localise, evaluate, demo and benchmark. */
final class LocaliserOptions {
    @Option(names = "--stride", description = "window step in pixels (default ${DEFAULT-VALUE}, the paper's)")
    int stride = 4;

    @Option(names = "--threshold", description = "probability threshold: P for all classes or CLASS=P (repeatable; default: the model's, 0.99 for root tips)")
    List<String> thresholds = List.of();

    @Option(names = "--radius", description = "peak suppression radius in pixels (default: half the window)")
    double radius = 0;

    @Option(names = "--naive", description = "classify every window on its own (the slow reference) instead of the dense scan")
    boolean naive;

    LocaliserConfig config() {
        return new LocaliserConfig(stride, parse(thresholds), radius, !naive);
    }

    /** "0.9" applies to every class ("*"); "leaf_tip=0.99" to one. */
    static Map<String, Double> parse(List<String> specs) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String s : specs) {
            String[] kv = s.split("=", 2);
            String key = kv.length == 2 ? kv[0].trim() : "*";
            String value = kv.length == 2 ? kv[1] : kv[0];
            try {
                out.put(key, Double.parseDouble(value.trim()));
            } catch (NumberFormatException e) {
                throw new BadInputException("--threshold " + s + ": '" + value + "' is not a number");
            }
        }
        return out;
    }
}
