package org.phenoloc.engine.model;

import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.phenoloc.engine.patches.Patch;
import org.phenoloc.engine.patches.PatchClassifier;

/** A trained patch classifier and its metadata: what the CLI and the KNIME model port carry around. */
public record PhenolocModel(MultiLayerNetwork network, ModelMetadata metadata) {

    /** Class probabilities of each patch (centre crop of the stored patch). */
    public float[][] probabilities(List<Patch> patches) {
        return PatchClassifier.probabilities(network, metadata.architecture().window(), metadata.classes().size(), patches);
    }

    public String summary() {
        var m = metadata;
        StringBuilder sb = new StringBuilder();
        sb.append("Phenoloc ").append(m.task()).append(" model, classes ").append(m.classes()).append('\n');
        sb.append("network: ").append(m.architecture()).append(", ").append(network.numParams()).append(" parameters\n");
        sb.append("patches: ").append(m.recipe()).append(", image scale ").append(m.imageScale()).append('\n');
        sb.append("thresholds: ").append(m.thresholds()).append('\n');
        m.provenance().forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }
}
