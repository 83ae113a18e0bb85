package org.phenoloc.engine.cli;

import java.util.concurrent.Callable;

import org.phenoloc.engine.Phenoloc;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.training.TrainingCancelledException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code phenoloc} command line. Bad input ends with exit code 2 and a message naming the file and problem. */
@Command(name = "phenoloc", mixinStandardHelpOptions = true, version = "Phenoloc " + Phenoloc.VERSION,
        description = "Deep-learning plant phenotyping: find and count root tips in images (Pound et al. 2016, faster).",
        subcommands = {TrainCommand.class, LocaliseCommand.class, ClassifyCommand.class, EvaluateCommand.class,
            DemoCommand.class, BenchmarkCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof BadInputException || ex instanceof CommandLine.ParameterException) {
                cmd.getErr().println("phenoloc: error: " + ex.getMessage());
                return 2;
            }
            if (ex instanceof TrainingCancelledException || ex instanceof Progress.CancelledException) {
                cmd.getErr().println("phenoloc: cancelled; nothing was left half-written");
                return 130;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
