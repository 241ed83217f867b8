package io.github.reluregions;

/**
 * Euclidean norm, dot products and scaled sums, on the hot paths of the engines and of the LPs. Each sum runs
 * in four partial sums over interleaved entries, added pairwise at the end: a single running sum makes every
 * addition wait for the one before (four cycles each, as the compiler keeps floating-point sums in program
 * order), and four chains run side by side (vectors shorter than {@link #SHORT} keep the one running sum). The
 * rounding error stays within the bound of the plain sum, {@code n eps sum |a_j b_j|}.
 */
public final class Vectors {
    /**
     * Below this length a dot product is one running sum, as the low-dimensional LPs always summed: ACAS Xu
     * 1_1 in prop_3's box (5 inputs, the dense LP) ran 2% slower with the four partial sums (6 runs each).
     */
    private static final int SHORT = 16;

    private Vectors() {
    }

    public static double norm(double[] v) {
        return Math.sqrt(dot(v, v, v.length));
    }

    public static double dot(double[] a, double[] b) {
        return dot(a, b, a.length);
    }

    /** {@code sum_{j < length} a_j b_j}. */
    public static double dot(double[] a, double[] b, int length) {
        if (length < SHORT) {
            double sum = 0;
            for (int j = 0; j < length; j++) {
                sum += a[j] * b[j];
            }
            return sum;
        }
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < length; j += 4) {
            s0 += a[j] * b[j];
            s1 += a[j + 1] * b[j + 1];
            s2 += a[j + 2] * b[j + 2];
            s3 += a[j + 3] * b[j + 3];
        }
        for (; j < length; j++) {
            s0 += a[j] * b[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code into_j += c x_j} for {@code j < length}. */
    public static void addScaled(double[] into, double c, double[] x, int length) {
        for (int j = 0; j < length; j++) {
            into[j] += c * x[j];
        }
    }

    /** {@code sum_j |a_j b_j|}. */
    public static double absDot(double[] a, double[] b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int length = a.length;
        int j = 0;
        for (; j + 3 < length; j += 4) {
            s0 += Math.abs(a[j] * b[j]);
            s1 += Math.abs(a[j + 1] * b[j + 1]);
            s2 += Math.abs(a[j + 2] * b[j + 2]);
            s3 += Math.abs(a[j + 3] * b[j + 3]);
        }
        for (; j < length; j++) {
            s0 += Math.abs(a[j] * b[j]);
        }
        return (s0 + s1) + (s2 + s3);
    }
}
