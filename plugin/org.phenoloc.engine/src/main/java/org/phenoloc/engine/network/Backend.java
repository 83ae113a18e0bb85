package org.phenoloc.engine.network;

import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Sets up ND4J before first use. DL4J 1.0.0-M2.1 disables its oneDNN conv/pool helpers unless
 * {@code org.eclipse.deeplearning4j.helpers.disable=false}; together with the {@code org.nd4j.nativeblas.Nd4jCpu}
 * shim in the libs bundle this makes training ~5x faster (see ../shared/notes/performance-facts.md).
 * Thread count is ND4J's OMP_NUM_THREADS (default: all cores).
 */
public final class Backend {
    public static final String HELPERS_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";
    private static volatile boolean initialised;

    private Backend() {}

    public static synchronized void init() {
        if (initialised) {
            return;
        }
        prepare();
        Nd4j.setDefaultDataTypes(org.nd4j.linalg.api.buffer.DataType.FLOAT, org.nd4j.linalg.api.buffer.DataType.FLOAT);
        initialised = true;
    }

    /** Whether {@link #init()} has run (the native libraries are loaded). */
    public static boolean isInitialised() {
        return initialised;
    }

    /**
     * The part of {@link #init()} that loads nothing native: where ND4J finds its backend and DL4J's helper setting.
     * Call it before any other thread may touch DL4J classes (e.g. a configuration parse running beside init).
     */
    public static synchronized void prepare() {
        // ND4J finds its backend through ServiceLoader with a class loader it caches for the life of the JVM (by default
        // the first caller's thread context class loader): inside KNIME a worker thread's loader cannot see the
        // backend in our libs bundle and the failure would stick. Anchor it to the bundle that holds ND4J.
        ND4JClassLoading.setNd4jClassloaderFromClass(Nd4j.class);
        if (System.getProperty(HELPERS_PROPERTY) == null) {
            System.setProperty(HELPERS_PROPERTY, "false");
        }
    }

    /** A one-line description of the backend, for provenance and benchmark reports. */
    public static String describe() {
        init();
        var env = Nd4j.getExecutioner().getEnvironmentInformation();
        // ND4J's environment has no core or thread entries: ask the JVM and libnd4j's OpenMP runtime
        return "ND4J " + env.getProperty("backend", "?") + ", blas " + env.getProperty("blas.vendor", "?")
                + ", cores " + Runtime.getRuntime().availableProcessors() + ", omp threads " + ompThreads();
    }

    /** Vector extensions by which oneDNN picks its kernels, in the order {@link #cpu()} lists them. */
    static final java.util.List<String> VECTOR_FLAGS = java.util.List.of("avx2", "avx512f", "avx512_vnni", "avx512_bf16",
            "amx_tile");

    /**
     * The processor: its model name and the vector extensions of {@link #VECTOR_FLAGS} it has, e.g. "Intel(R) Xeon(R)
     * Processor (avx2, avx512f, avx512_bf16)", from /proc/cpuinfo; the JVM's architecture name where that is not
     * readable (not Linux). Trainings of one seed on two machines may round differently (oneDNN picks its kernels,
     * and with them the order of floating-point sums, by these extensions), so reports and model provenance name it.
     */
    public static String cpu() {
        try {
            return cpu(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/cpuinfo")));
        } catch (java.io.IOException | RuntimeException e) {
            return System.getProperty("os.arch", "?");
        }
    }

    /** {@link #cpu()} from the text of /proc/cpuinfo (its first processor). */
    static String cpu(String cpuinfo) {
        String model = field(cpuinfo, "model name");
        java.util.Set<String> flags = new java.util.HashSet<>(java.util.Arrays.asList(field(cpuinfo, "flags").split("\\s+")));
        java.util.List<String> has = VECTOR_FLAGS.stream().filter(flags::contains).toList();
        String name = model.isEmpty() ? System.getProperty("os.arch", "?") : model;
        return has.isEmpty() ? name : name + " (" + String.join(", ", has) + ")";
    }

    private static String field(String cpuinfo, String key) {
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }

    /** {@link #describe()} and {@link #cpu()}: what a model's provenance and a benchmark report say they ran on. */
    public static String describeWithCpu() {
        return describe() + ", " + cpu();
    }

    /** OpenMP threads libnd4j uses (OMP_NUM_THREADS, default all cores); "?" if the native call is unavailable. */
    static String ompThreads() {
        try {
            return Integer.toString(org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads());
        } catch (RuntimeException | LinkageError e) {
            return "?";
        }
    }
}
