package io.github.reluregions.slice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PlaneTest {
    @Test
    void textShowsEveryCoordinateOfAShortVector() {
        Plane plane = Plane.of(new double[] {0.1, 0, 0, -0.2}, new double[] {1, 0, 0, 0}, new double[] {0, 0.5, 0.5, 0});
        assertEquals("plane origin 0.1,0,0,-0.2, u 1,0,0,0, v 0,0.5,0.5,0", plane.toString());
    }

    @Test
    void textShowsTheFirstEightCoordinatesOfALongVector() {
        double[] origin = new double[64];
        Arrays.fill(origin, 0.5);
        double[] u = new double[64];
        u[0] = 1;
        double[] v = new double[64];
        v[63] = 1;
        assertEquals("plane origin 0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,... (64 coordinates), u 1,0,0,0,0,0,0,0,... "
                + "(64 coordinates), v 0,0,0,0,0,0,0,0,... (64 coordinates)", Plane.of(origin, u, v).toString());
    }
}
