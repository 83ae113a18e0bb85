package org.phenoloc.engine.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.phenoloc.engine.annotations.Point;

/**
 * Scores detected points against ground-truth points: a one-to-one assignment in which a detection may only match
 * a truth point at distance {@code <= radius}, with as many matches as possible and, among those, the smallest
 * total distance. Matched detections are true positives, the other detections false positives and the unmatched
 * truth points false negatives.
 *
 * <p>The pairs within reach form a bipartite graph; each connected component is solved on its own with the
 * Hungarian algorithm (O(n^3) in the component's size), so sparse images cost little even with many points.
 */
public final class PointMatcher {
    private PointMatcher() {}

    public static MatchResult match(List<Point> detections, List<Point> truth, double radius) {
        if (!(radius >= 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("match radius must be finite and >= 0, got " + radius);
        }
        int n = detections.size();
        int m = truth.size();
        // Connected components of the "within radius" graph; nodes 0..n-1 are detections, n.. truth points.
        int[] parent = new int[n + m];
        Arrays.setAll(parent, i -> i);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                if (detections.get(i).distance(truth.get(j)) <= radius) {
                    parent[find(parent, i)] = find(parent, n + j);
                }
            }
        }
        List<List<Integer>> rowsOf = new ArrayList<>();
        List<List<Integer>> colsOf = new ArrayList<>();
        int[] component = new int[n + m];
        Arrays.fill(component, -1);
        for (int v = 0; v < n + m; v++) {
            int root = find(parent, v);
            if (component[root] < 0) {
                component[root] = rowsOf.size();
                rowsOf.add(new ArrayList<>());
                colsOf.add(new ArrayList<>());
            }
            (v < n ? rowsOf : colsOf).get(component[root]).add(v < n ? v : v - n);
        }
        List<int[]> pairs = new ArrayList<>();
        double totalError = 0;
        for (int c = 0; c < rowsOf.size(); c++) {
            List<Integer> rows = rowsOf.get(c);
            List<Integer> cols = colsOf.get(c);
            if (rows.isEmpty() || cols.isEmpty()) {
                continue;
            }
            int[] assigned = hungarian(costMatrix(detections, truth, rows, cols, radius));
            for (int a = 0; a < rows.size(); a++) {
                if (assigned[a] < cols.size()) {
                    int i = rows.get(a);
                    int j = cols.get(assigned[a]);
                    double d = detections.get(i).distance(truth.get(j));
                    if (d <= radius) {
                        pairs.add(new int[] {i, j});
                        totalError += d;
                    }
                }
            }
        }
        pairs.sort(Comparator.comparingInt(p -> p[0]));
        int tp = pairs.size();
        return MatchResult.of(tp, n - tp, m - tp, totalError, pairs);
    }

    /**
     * Matches the detections scoring at least {@code minScore}; the pair indices refer to positions in
     * {@code detections} (the full list), and the dropped detections count as neither TP nor FP.
     */
    public static MatchResult match(List<ScoredPoint> detections, List<Point> truth, double radius,
            double minScore) {
        List<Point> kept = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < detections.size(); i++) {
            if (detections.get(i).score() >= minScore) {
                kept.add(detections.get(i).point());
                index.add(i);
            }
        }
        MatchResult r = match(kept, truth, radius);
        List<int[]> pairs = r.pairs().stream().map(p -> new int[] {index.get(p[0]), p[1]}).toList();
        return new MatchResult(r.truePositives(), r.falsePositives(), r.falseNegatives(), r.precision(),
                r.recall(), r.f1(), r.meanError(), pairs);
    }

    /**
     * Rows are the component's detections; columns its truth points followed by one "unmatched" column per row.
     * Leaving a row unmatched costs more than the largest possible total distance of all matches
     * ({@code min(rows, cols) * radius}), so the optimum first maximises the number of matches and then minimises
     * their total distance. Pairs out of reach cost more than staying unmatched, so the optimum never uses them.
     */
    private static double[][] costMatrix(List<Point> detections, List<Point> truth, List<Integer> rows,
            List<Integer> cols, double radius) {
        int k = rows.size();
        int t = cols.size();
        double unmatched = radius * (Math.min(k, t) + 1) + 1;
        double[][] cost = new double[k][t + k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < t; b++) {
                double d = detections.get(rows.get(a)).distance(truth.get(cols.get(b)));
                cost[a][b] = d <= radius ? d : 2 * unmatched;
            }
            Arrays.fill(cost[a], t, t + k, unmatched);
        }
        return cost;
    }

    /**
     * Minimum-cost assignment of every row to a distinct column (rows <= columns), by the Hungarian algorithm with
     * potentials (Kuhn-Munkres, O(rows^2 * columns)). Returns the column of each row.
     */
    static int[] hungarian(double[][] cost) {
        int n = cost.length;
        int m = n == 0 ? 0 : cost[0].length;
        if (n > m) {
            throw new IllegalArgumentException("more rows than columns: " + n + " > " + m);
        }
        // 1-based: column 0 is a virtual start column; p[j] is the row assigned to column j (0 = none).
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] p = new int[m + 1];
        int[] way = new int[m + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            double[] minv = new double[m + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[m + 1];
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do { // augment along the alternating path back to the start column
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] rowToCol = new int[n];
        for (int j = 1; j <= m; j++) {
            if (p[j] != 0) {
                rowToCol[p[j] - 1] = j - 1;
            }
        }
        return rowToCol;
    }

    private static int find(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }
}
