package org.phenoloc.engine.network;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.junit.jupiter.api.Test;

/**
 * Guards the oneDNN helper fix (org.nd4j.nativeblas.Nd4jCpu shim + helpers property): if a DL4J upgrade changes the
 * looked-up names, conv layers silently fall back to a ~5x slower path; this test fails instead.
 */
class HelperEngagedTest {
    @Test
    void oneDnnHelpersAreEnabled() {
        Backend.init();
        assertTrue(BaseMKLDNNHelper.mklDnnEnabled(), "DL4J's oneDNN conv/pool helpers are not engaged");
    }
}
