package org.nd4j.nativeblas;

/**
 * Work-around for a class-name lookup bug in DL4J 1.0.0-M2.1.
 *
 * <p>{@code BaseMKLDNNHelper.mklDnnEnabled()} looks up {@code org.nd4j.nativeblas.Nd4jCpu$Environment}
 * and calls {@code getInstance().isUseMKLDNN()} by reflection. In M2.1 that class moved to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} and the method was renamed
 * {@code isUseONEDNN()}; the failed lookup is cached and every convolution and pooling layer silently
 * falls back to a memory-bound im2col path that is ~5-10x slower. This class answers the old name with
 * the real value. It must live in the bundle that holds the DL4J jars so DL4J's class loader sees it.
 * A test (HelperEngagedTest) fails if a DL4J upgrade makes this unnecessary or ineffective.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {}

    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private Environment() {}

        public static Environment getInstance() {
            return INSTANCE;
        }

        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
