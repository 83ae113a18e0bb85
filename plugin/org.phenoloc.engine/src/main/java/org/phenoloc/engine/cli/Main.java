package org.phenoloc.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.phenoloc.engine.Phenoloc;
import org.phenoloc.engine.io.AtomicFiles;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.training.TrainingCancelledException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code phenoloc} command line. Every failure ends with one line {@code phenoloc: error: ...} naming the file
 * and the problem, never a stack trace. Exit codes: 0 success, 2 bad input, settings or output location (I/O
 * errors included), 3 some images skipped ({@code --keep-going}), 4 out of memory, 130 cancelled, 1 an internal
 * error (its stack trace goes to a file in the temp folder).
 */
@Command(name = "phenoloc", mixinStandardHelpOptions = true, version = "Phenoloc " + Phenoloc.VERSION,
        description = "Deep-learning plant phenotyping: find and count root tips in images (Pound et al. 2016, faster).",
        subcommands = {TrainCommand.class, LocaliseCommand.class, ClassifyCommand.class, EvaluateCommand.class,
            DemoCommand.class, BenchmarkCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    static final int BAD_INPUT = 2;
    static final int OUT_OF_MEMORY = 4;
    static final int CANCELLED = 130;
    static final int INTERNAL_ERROR = 1;

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> fail(ex, cmd.getErr()));
        Cancellation.install();
        Cancellation.started();
        try {
            return cl.execute(args);
        } catch (Error e) { // out of memory, or a broken installation (a missing class): one line, never a trace
            return fail(e, cl.getErr());
        } finally {
            Cancellation.finished();
        }
    }

    /** One line for the user, and the exit code. */
    static int fail(Throwable ex, PrintWriter err) {
        Throwable oom = causeOfType(ex, OutOfMemoryError.class);
        if (oom != null) {
            err.println("phenoloc: error: " + outOfMemory(oom));
            return OUT_OF_MEMORY;
        }
        if (ex instanceof TrainingCancelledException || ex instanceof Progress.CancelledException) {
            err.println(Cancellation.message());
            return CANCELLED;
        }
        if (ex instanceof BadInputException || ex instanceof CommandLine.ParameterException) {
            err.println("phenoloc: error: " + ex.getMessage());
            return BAD_INPUT;
        }
        IOException io = ex instanceof UncheckedIOException u ? u.getCause()
                : ex instanceof IOException i ? i : null;
        if (io != null) {
            err.println("phenoloc: error: " + ioMessage(io));
            return BAD_INPUT;
        }
        err.println("phenoloc: internal error: " + ex + crashReport(ex));
        return INTERNAL_ERROR;
    }

    /** What ran out and the setting to raise. */
    static String outOfMemory(Throwable oom) {
        long maxMb = Runtime.getRuntime().maxMemory() >> 20;
        long suggestGb = Math.max(2, 2 * ((maxMb + 1023) / 1024));
        String what = oom.getMessage() == null ? "" : " (" + oom.getMessage() + ")";
        return String.format(Locale.ROOT, "out of memory%s with a Java heap of %d MB; raise it, e.g."
                + " PHENOLOC_JAVA_OPTS=-Xmx%dg ./phenoloc ... (in KNIME: -Xmx in knime.ini), or use smaller images",
                what, maxMb, suggestGb);
    }

    private static String ioMessage(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
            String reason = f.getReason() != null ? f.getReason() : AtomicFiles.reason(e);
            return f.getFile() + ": " + reason;
        }
        return AtomicFiles.reason(e);
    }

    private static Throwable causeOfType(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return c;
            }
        }
        return null;
    }

    /** Writes the stack trace of an unexpected error to a temp file and says where (for a bug report). */
    private static String crashReport(Throwable ex) {
        try {
            Path f = Files.createTempFile("phenoloc-crash-", ".txt");
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(f))) {
                ex.printStackTrace(w);
            }
            return " (details in " + f + "; please include it in a bug report)";
        } catch (IOException e) {
            return "";
        }
    }

    public static void main(String[] args) {
        int rc = run(args);
        System.out.flush();
        System.exit(rc);
    }
}
