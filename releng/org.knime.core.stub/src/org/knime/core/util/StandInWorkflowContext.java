package org.knime.core.util;

import java.nio.file.Path;

/**
 * NOT KNIME API: where the stand-in's {@link FileUtil} resolves {@code knime://knime.workflow/} and
 * {@code knime://knime.mountpoint/} (inside KNIME the node context of the running workflow decides). Set by tests
 * through {@code org.knime.core.node.StandIn#setWorkflowContext}; node code must never use this class.
 */
public final class StandInWorkflowContext {
    private static volatile Path s_workflow;
    private static volatile Path s_mountpoint;

    private StandInWorkflowContext() {
    }

    public static void set(final Path workflowDir, final Path mountpointRoot) {
        s_workflow = workflowDir == null ? null : workflowDir.toAbsolutePath().normalize();
        s_mountpoint = mountpointRoot == null ? null : mountpointRoot.toAbsolutePath().normalize();
    }

    static Path workflow() {
        return s_workflow;
    }

    static Path mountpoint() {
        return s_mountpoint;
    }
}
