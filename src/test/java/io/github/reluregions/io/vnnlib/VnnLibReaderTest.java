package io.github.reluregions.io.vnnlib;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Norm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VnnLibReaderTest {
    static final Path MODELS = Path.of("..", "shared", "models");

    static VnnLibProperty parse(String text) {
        return VnnLibReader.parse(text, "p.vnnlib");
    }

    static String refusal(String text) {
        return assertThrows(InvalidInputException.class, () -> parse(text)).getMessage();
    }

    @Test
    void acasXuProperty3IsItsInputBoxAndItsOutputAssertsAreCounted() {
        Path file = MODELS.resolve("acasxu/prop_3.vnnlib");
        Assumptions.assumeTrue(Files.exists(file), "../shared/models is not beside the project");
        VnnLibProperty property = VnnLibReader.read(file);
        assertArrayEquals(new double[] {-0.303531156, -0.009549297, 0.493380324, 0.3, 0.3}, property.inputBox().lower());
        assertArrayEquals(new double[] {-0.298552812, 0.009549297, 0.5, 0.5, 0.5}, property.inputBox().upper());
        assertEquals(5, property.outputs());
        assertEquals(4, property.outputAssertions());
        assertNull(property.inputBox().asLinfBall());
    }

    @Test
    void everySharedPropertyReads() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(MODELS), "../shared/models is not beside the project");
        try (var files = Files.walk(MODELS)) {
            int read = 0;
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".vnnlib"))::iterator) {
                try {
                    VnnLibProperty property = VnnLibReader.read(file);
                    assertTrue(property.inputs() > 0 && property.outputAssertions() > 0, file.toString());
                    read++;
                } catch (io.github.reluregions.InvalidInputException refused) {
                    // Two kinds of property have no full-dimensional input box: a union of boxes (ACAS Xu 6)
                    // and a box with a fixed input (ACAS Xu 3 and 4 fix X_2 or X_3): refused with the reason.
                    String why = refused.getMessage();
                    assertTrue(why.contains("a disjunction (several input boxes)") || why.contains("LO must be below HI"),
                            file + ": " + why);
                }
            }
            assertTrue(read >= 10, "read only " + read + " properties");
        }
        VnnLibProperty mnist = VnnLibReader.read(MODELS.resolve("mnistfc/prop_0_0.03.vnnlib"));
        assertEquals(784, mnist.inputs());
        assertEquals(10, mnist.outputs());
        assertEquals(1, mnist.outputAssertions()); // one (or (and ...) ...) over the outputs
    }

    @Test
    void aUnionOfInputBoxesAndAFlatBoxAreRefusedWithTheReason() {
        Path file = MODELS.resolve("acasxu/prop_6.vnnlib");
        Assumptions.assumeTrue(Files.exists(file), "../shared/models is not beside the project");
        io.github.reluregions.InvalidInputException refused = org.junit.jupiter.api.Assertions.assertThrows(
                io.github.reluregions.InvalidInputException.class, () -> VnnLibReader.read(file));
        assertTrue(refused.getMessage().contains("a disjunction (several input boxes)"), refused.getMessage());
        Path flat = MODELS.resolve("acasxu/prop_4.vnnlib");
        io.github.reluregions.InvalidInputException fixed = org.junit.jupiter.api.Assertions.assertThrows(
                io.github.reluregions.InvalidInputException.class, () -> VnnLibReader.read(flat));
        assertTrue(fixed.getMessage().contains("is empty: Side 2 of the box is [0.0, 0.0]"), fixed.getMessage());
    }

    @Test
    void aBoxWithEqualHalfWidthsIsAnLinfBall() {
        VnnLibProperty property = parse("""
                ; an L-infinity ball of radius 0.1 around (0.5, -0.25)
                (declare-const X_0 Real)
                (declare-const X_1 Real)
                (declare-const Y_0 Real)
                (assert (and (>= X_0 0.4) (<= X_0 0.6)))
                (assert (<= -0.35 X_1 -0.15))
                (assert (>= Y_0 0))
                """);
        Ball ball = property.inputBox().asLinfBall();
        assertNotNull(ball);
        assertEquals(Norm.LINF, ball.norm());
        assertEquals(0.1, ball.radius(), 1e-12);
        assertArrayEquals(new double[] {0.5, -0.25}, ball.center(), 1e-12);
        assertTrue(property.inputBox().describe().startsWith("box = linf ball of radius"), property.inputBox().describe());
    }

    @Test
    void strictBoundsNegativeNumbersAndRepeatedBoundsGiveTheTightestBox() {
        VnnLibProperty property = parse("""
                (declare-const X_0 Real)
                (assert (> X_0 (- 1.5)))
                (assert (< X_0 2e0))
                (assert (<= X_0 1))
                (assert (>= 3 X_0))
                """);
        assertArrayEquals(new double[] {-1.5}, property.inputBox().lower());
        assertArrayEquals(new double[] {1.0}, property.inputBox().upper());
        assertEquals(0, property.outputAssertions());
    }

    @Test
    void whatIsNotOneInputBoxIsRefusedWithItsLine() {
        String declarations = "(declare-const X_0 Real)\n(declare-const X_1 Real)\n(declare-const Y_0 Real)\n";
        assertTrue(refusal(declarations + "(assert (or (<= X_0 1) (>= X_0 2)))")
                .contains("(line 4): Only bounds on single inputs are supported here, e.g. (<= X_0 0.5); found (or"));
        assertTrue(refusal(declarations + "(assert (<= X_0 X_1))").contains("compares two inputs"));
        assertTrue(refusal(declarations + "(assert (or (and (<= X_0 1) (<= Y_0 0)) (and (>= X_0 2) (<= Y_0 1))))")
                .contains("ties inputs to outputs"));
        assertTrue(refusal(declarations + "(assert (>= X_0 0))\n(assert (<= X_0 1))\n(assert (<= X_1 1))")
                .contains("gives X_1 no lower bound"));
        assertTrue(refusal(declarations + "(assert (<= X_2 1))").contains("X_2 is used but not declared"));
        assertTrue(refusal(declarations + "(assert (<= X_0 one))").contains("Expected a number in (<= X_0 one)"));
        assertTrue(refusal("(declare-const X_0 Real)\n(assert (<= X_0 0))\n(assert (>= X_0 1))")
                .contains("The input box of p.vnnlib is empty"));
        assertTrue(refusal("(declare-const X_0 Real)\n(assert (<= X_0 1)").contains("the '(' on line 2 is never closed"));
        assertTrue(refusal("ir_version: 3\n").contains("stands outside any (...)"));
        assertTrue(refusal("(declare-const Z Real)").contains("declares 'Z'"));
        assertTrue(refusal("(declare-const Y_0 Real)").contains("declares no inputs"));
    }
}
