package io.github.reluregions.testing;

import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import java.util.Random;

/**
 * Random points of a box or ball, uniform in any dimension (no rejection), and random extreme points
 * (the box's corners, the L1 ball's vertices, the L2 ball's sphere), where affine functions take their
 * extremes.
 */
public final class DomainSamples {
    private DomainSamples() {
    }

    /** A uniform point of the domain (a box or a ball). */
    public static double[] uniform(InputDomain domain, Random random) {
        return point(domain, random, false);
    }

    /** A random extreme point: a corner of a box or L-infinity ball, a vertex of an L1 ball, a point of an L2 sphere. */
    public static double[] extreme(InputDomain domain, Random random) {
        return point(domain, random, true);
    }

    private static double[] point(InputDomain domain, Random random, boolean extreme) {
        if (domain instanceof Box box) {
            double[] x = new double[box.dimension()];
            for (int j = 0; j < x.length; j++) {
                double t = extreme ? (random.nextBoolean() ? 1 : 0) : random.nextDouble();
                x[j] = box.lower(j) + (box.upper(j) - box.lower(j)) * t;
            }
            return x;
        }
        Ball ball = (Ball) domain;
        int d = ball.dimension();
        double[] offset = new double[d];
        switch (ball.norm()) {
            case LINF -> {
                for (int j = 0; j < d; j++) {
                    offset[j] = extreme ? (random.nextBoolean() ? 1 : -1) : 2 * random.nextDouble() - 1;
                }
            }
            case L2 -> {
                // A uniform direction, times U^(1/d) inside: uniform in the ball (its mass lies near the sphere).
                double[] direction = new double[d];
                double norm = 0;
                for (int j = 0; j < d; j++) {
                    direction[j] = random.nextGaussian();
                    norm += direction[j] * direction[j];
                }
                double reach = extreme ? 1 : Math.pow(random.nextDouble(), 1.0 / d);
                for (int j = 0; j < d; j++) {
                    offset[j] = direction[j] / Math.sqrt(norm) * reach;
                }
            }
            case L1 -> {
                if (extreme) {
                    offset[random.nextInt(d)] = random.nextBoolean() ? 1 : -1;
                    break;
                }
                // d + 1 exponentials normalised: uniform in the simplex; random signs: uniform in the ball.
                double total = 0;
                double[] e = new double[d + 1];
                for (int j = 0; j <= d; j++) {
                    e[j] = -Math.log(1 - random.nextDouble());
                    total += e[j];
                }
                for (int j = 0; j < d; j++) {
                    offset[j] = (random.nextBoolean() ? 1 : -1) * e[j] / total;
                }
            }
        }
        double[] x = new double[d];
        for (int j = 0; j < d; j++) {
            x[j] = ball.center(j) + ball.radius() * offset[j];
        }
        return x;
    }
}
