package org.phenoloc.knime.nodes.learner;

import org.phenoloc.engine.network.Architecture;
import org.phenoloc.engine.training.TrainingConfig;

/** Test access to the learner's package-private helpers. */
public final class LearnerAccess {
    private LearnerAccess() {
    }

    public static String advice(final TrainingConfig config, final Architecture arch) {
        return CnnLearnerNodeModel.outOfMemoryAdvice(config, arch);
    }
}
