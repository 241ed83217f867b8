package io.github.reluregions.count.cell;

/**
 * What looking for a certified interior point of a cell gave.
 *
 * @param point the interior point, or null when none was certified
 * @param radius its certified distance to the cell's boundary (0 when none)
 * @param lpRadius the LP's optimal radius (NaN when no LP was solved, -Infinity when infeasible)
 * @param uncertain true when the LP called the cell open but no point could be certified
 */
public record Witness(double[] point, double radius, double lpRadius, boolean uncertain) {

    public boolean found() {
        return point != null;
    }

    public static Witness inherited(double[] point, double radius) {
        return new Witness(point, radius, Double.NaN, false);
    }
}
