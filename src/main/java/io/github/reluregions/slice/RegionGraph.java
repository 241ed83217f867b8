package io.github.reluregions.slice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Which polygons of a partition are neighbours (share a piece of boundary of positive length), and a
 * greedy colouring in which neighbours differ. Polygons that only touch at a corner are not neighbours.
 */
public final class RegionGraph {
    private final int[][] neighbours;

    private RegionGraph(int[][] neighbours) {
        this.neighbours = neighbours;
    }

    /**
     * The neighbour graph of {@code polygons}: two are neighbours when an edge of one and an edge of the
     * other lie on one line (within {@code tolerance}) and overlap by more than {@code tolerance}. A sweep
     * over the polygons' x-extents keeps this near O(n log n + pairs that overlap).
     */
    public static RegionGraph of(List<ConvexPolygon> polygons, double tolerance) {
        int n = polygons.size();
        double[][] bounds = new double[n][];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            bounds[i] = polygons.get(i).bounds();
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> bounds[i][0]));
        List<List<Integer>> adjacent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            adjacent.add(new ArrayList<>());
        }
        for (int s = 0; s < n; s++) {
            int i = order[s];
            if (polygons.get(i).isEmpty()) {
                continue;
            }
            for (int t = s + 1; t < n && bounds[order[t]][0] <= bounds[i][1] + tolerance; t++) {
                int j = order[t];
                if (polygons.get(j).isEmpty() || bounds[j][2] > bounds[i][3] + tolerance
                        || bounds[i][2] > bounds[j][3] + tolerance) {
                    continue;
                }
                if (shareEdge(polygons.get(i), polygons.get(j), tolerance)) {
                    adjacent.get(i).add(j);
                    adjacent.get(j).add(i);
                }
            }
        }
        int[][] neighbours = new int[n][];
        for (int i = 0; i < n; i++) {
            neighbours[i] = adjacent.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return new RegionGraph(neighbours);
    }

    public int size() {
        return neighbours.length;
    }

    /** The neighbours of polygon {@code i}, ascending. */
    public int[] neighbours(int i) {
        return neighbours[i].clone();
    }

    /**
     * A colour (0, 1, ...) per polygon such that neighbours differ. Polygons are taken in order of falling
     * degree (Welsh-Powell); each takes, among the first {@code preferred} colours that none of its
     * coloured neighbours has, the one used least so far, so that the picture uses all of them evenly. Only
     * a polygon whose neighbours hold all {@code preferred} colours gets a further one (the smallest free).
     * Costs O(n log n + edges).
     */
    public int[] colouring(int preferred) {
        int n = neighbours.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> -neighbours[i].length).thenComparingInt(i -> i));
        int[] colour = new int[n];
        Arrays.fill(colour, -1);
        int[] uses = new int[Math.max(preferred, 1)];
        for (int i : order) {
            boolean[] taken = new boolean[Math.max(preferred, neighbours[i].length) + 1];
            for (int j : neighbours[i]) {
                if (colour[j] >= 0 && colour[j] < taken.length) {
                    taken[colour[j]] = true;
                }
            }
            int best = -1;
            for (int c = 0; c < preferred; c++) {
                if (!taken[c] && (best < 0 || uses[c] < uses[best])) {
                    best = c;
                }
            }
            if (best < 0) {
                best = preferred;
                while (taken[best]) {
                    best++;
                }
            } else {
                uses[best]++;
            }
            colour[i] = best;
        }
        return colour;
    }

    private static boolean shareEdge(ConvexPolygon p, ConvexPolygon q, double tolerance) {
        for (int i = 0; i < p.size(); i++) {
            int i1 = (i + 1) % p.size();
            double px = p.x(i);
            double py = p.y(i);
            double dx = p.x(i1) - px;
            double dy = p.y(i1) - py;
            double length = Math.hypot(dx, dy);
            if (length <= tolerance) {
                continue;
            }
            dx /= length;
            dy /= length;
            for (int j = 0; j < q.size(); j++) {
                int j1 = (j + 1) % q.size();
                double ax = q.x(j) - px;
                double ay = q.y(j) - py;
                double bx = q.x(j1) - px;
                double by = q.y(j1) - py;
                if (Math.abs(dx * ay - dy * ax) > tolerance || Math.abs(dx * by - dy * bx) > tolerance) {
                    continue;
                }
                double t0 = dx * ax + dy * ay;
                double t1 = dx * bx + dy * by;
                double overlap = Math.min(length, Math.max(t0, t1)) - Math.max(0, Math.min(t0, t1));
                if (overlap > tolerance) {
                    return true;
                }
            }
        }
        return false;
    }
}
