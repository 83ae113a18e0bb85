package org.phenoloc.engine.evaluation;

import java.util.List;
import java.util.Locale;

/**
 * Patch classification results in the form of the paper's Table 1: per class the test patches of that class that
 * were correctly classified and misclassified, the class accuracy, the overall accuracy (all correct / all patches,
 * the paper's "Total/Average" row) and the confusion matrix (rows: true class, columns: predicted class).
 * Accuracies are NaN for a class (or a report) without patches.
 */
public final class PatchReport {
    private final List<String> classNames;
    private final long[][] confusion;

    private PatchReport(List<String> classNames, long[][] confusion) {
        this.classNames = List.copyOf(classNames);
        this.confusion = confusion;
    }

    /** From parallel arrays of true and predicted class indices into {@code classNames}. */
    public static PatchReport of(List<String> classNames, int[] trueLabels, int[] predictedLabels) {
        if (trueLabels.length != predictedLabels.length) {
            throw new IllegalArgumentException(trueLabels.length + " true labels but " + predictedLabels.length
                    + " predictions");
        }
        int k = classNames.size();
        long[][] confusion = new long[k][k];
        for (int i = 0; i < trueLabels.length; i++) {
            int t = trueLabels[i];
            int p = predictedLabels[i];
            if (t < 0 || t >= k || p < 0 || p >= k) {
                throw new IllegalArgumentException("label pair (" + t + ", " + p + ") at " + i + " is not a class"
                        + " index 0.." + (k - 1));
            }
            confusion[t][p]++;
        }
        return new PatchReport(classNames, confusion);
    }

    /** From a confusion matrix with rows for the true class and columns for the predicted class. */
    public static PatchReport fromConfusion(List<String> classNames, long[][] confusion) {
        int k = classNames.size();
        long[][] copy = new long[k][];
        if (confusion.length != k) {
            throw new IllegalArgumentException("confusion matrix has " + confusion.length + " rows for " + k
                    + " classes");
        }
        for (int t = 0; t < k; t++) {
            if (confusion[t].length != k) {
                throw new IllegalArgumentException("confusion matrix row " + t + " has " + confusion[t].length
                        + " columns for " + k + " classes");
            }
            copy[t] = confusion[t].clone();
        }
        return new PatchReport(classNames, copy);
    }

    public List<String> classNames() {
        return classNames;
    }

    /** A copy of the confusion matrix: {@code [true class][predicted class]}. */
    public long[][] confusion() {
        long[][] copy = new long[confusion.length][];
        for (int t = 0; t < confusion.length; t++) {
            copy[t] = confusion[t].clone();
        }
        return copy;
    }

    public long correct(int c) {
        return confusion[c][c];
    }

    public long misclassified(int c) {
        return patches(c) - correct(c);
    }

    /** Number of test patches whose true class is {@code c}. */
    public long patches(int c) {
        long n = 0;
        for (long v : confusion[c]) {
            n += v;
        }
        return n;
    }

    public double accuracyPercent(int c) {
        return percent(correct(c), patches(c));
    }

    public long total() {
        long n = 0;
        for (int c = 0; c < confusion.length; c++) {
            n += patches(c);
        }
        return n;
    }

    public long totalCorrect() {
        long n = 0;
        for (int c = 0; c < confusion.length; c++) {
            n += correct(c);
        }
        return n;
    }

    public double overallAccuracyPercent() {
        return percent(totalCorrect(), total());
    }

    /** Table 1 (accuracies to one decimal, as in the paper) followed by the confusion matrix. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder(
                "| Feature | Correctly Classified | Misclassified | Accuracy (%) |\n|---|---:|---:|---:|\n");
        for (int c = 0; c < classNames.size(); c++) {
            sb.append(row(cell(classNames.get(c)), correct(c), misclassified(c), accuracyPercent(c)));
        }
        sb.append(row("Total/Average", totalCorrect(), total() - totalCorrect(), overallAccuracyPercent()));
        sb.append("\nConfusion matrix (rows: true class, columns: predicted class)\n\n| true \\ predicted |");
        for (String name : classNames) {
            sb.append(' ').append(cell(name)).append(" |");
        }
        sb.append("\n|---|").append("---:|".repeat(classNames.size())).append('\n');
        for (int t = 0; t < classNames.size(); t++) {
            sb.append("| ").append(cell(classNames.get(t))).append(" |");
            for (long v : confusion[t]) {
                sb.append(' ').append(v).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * One row per class and a {@code Total} row: correct, misclassified, accuracy (4 decimals, empty when NaN) and
     * the confusion-matrix row as {@code predicted:<class>} columns (column sums in the total row).
     */
    public String toCsv() {
        int k = classNames.size();
        StringBuilder sb = new StringBuilder("class,correct,misclassified,accuracy_percent");
        classNames.forEach(name -> sb.append(',').append(csvField("predicted:" + name)));
        sb.append('\n');
        long[] columnSums = new long[k];
        for (int t = 0; t < k; t++) {
            sb.append(csvField(classNames.get(t))).append(',').append(correct(t)).append(',')
                    .append(misclassified(t)).append(',').append(decimals(accuracyPercent(t)));
            for (int p = 0; p < k; p++) {
                sb.append(',').append(confusion[t][p]);
                columnSums[p] += confusion[t][p];
            }
            sb.append('\n');
        }
        sb.append("Total,").append(totalCorrect()).append(',').append(total() - totalCorrect()).append(',')
                .append(decimals(overallAccuracyPercent()));
        for (long sum : columnSums) {
            sb.append(',').append(sum);
        }
        return sb.append('\n').toString();
    }

    /**
     * RFC 4180 quoting. Written by hand rather than with commons-csv's printer, which needs a newer commons-io
     * than the one DL4J pins.
     */
    private static String csvField(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\""
                : text;
    }

    private static String row(String name, long correct, long wrong, double accuracy) {
        String acc = Double.isNaN(accuracy) ? "n/a" : String.format(Locale.ROOT, "%.1f", accuracy);
        return "| " + name + " | " + correct + " | " + wrong + " | " + acc + " |\n";
    }

    private static String decimals(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? Double.NaN : 100.0 * part / whole;
    }
}
