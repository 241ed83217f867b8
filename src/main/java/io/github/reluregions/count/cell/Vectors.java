package io.github.reluregions.count.cell;

/** Euclidean norm and dot product, on the hot paths of the engines. */
public final class Vectors {
    private Vectors() {
    }

    public static double norm(double[] v) {
        double sum = 0;
        for (double value : v) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }

    public static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }
}
