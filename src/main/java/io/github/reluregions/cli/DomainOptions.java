package io.github.reluregions.cli;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.domain.WholeSpace;
import io.github.reluregions.io.vnnlib.VnnLibProperty;
import io.github.reluregions.io.vnnlib.VnnLibReader;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The domain options shared by every command that counts or bounds regions in a domain: at most one of a box,
 * a ball (its center and radius together, with a norm) and a VNN-LIB property, which picocli enforces.
 */
final class DomainOptions {
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Choice choice;

    /** One domain: a box, a ball or a VNN-LIB property's box. */
    static final class Choice {
        @Option(names = "--box", paramLabel = "LO:HI[,LO:HI...]", required = true,
                description = "Count in the box with these sides: one LO:HI pair for every input, or one pair for "
                        + "all inputs. Write it with '=' (--box=-2:2) so that a leading minus is not read as an "
                        + "option.")
        String box;

        @ArgGroup(exclusive = false, multiplicity = "1")
        BallOptions ball;

        @Option(names = "--vnnlib", paramLabel = "FILE", required = true,
                description = "Count in the input box of a VNN-LIB property (its asserts on X_i); its assertions on "
                        + "the outputs are ignored.")
        Path vnnlib;
    }

    /** A ball: its center and radius, both required, and its norm. */
    static final class BallOptions {
        @Option(names = "--center", paramLabel = "X1,...,Xd", required = true,
                description = "The center of a ball domain.")
        String center;

        @Option(names = "--radius", paramLabel = "R", required = true, description = "The radius of a ball domain.")
        double radius;

        @Option(names = "--norm", paramLabel = "NORM", defaultValue = "l2", converter = NormConverter.class,
                description = "The norm of a ball domain: l1, l2 (default, the exact Euclidean ball) or linf.")
        Norm norm = Norm.L2;
    }

    /** True when a domain option was given. */
    boolean given() {
        return choice != null;
    }

    /**
     * The domain the options describe for a network with {@code inputs} inputs; R^d when none is given.
     * Remarks for the user (what was ignored) go to {@code notes}.
     */
    InputDomain resolve(int inputs, List<String> notes) {
        InputDomain domain;
        if (choice == null) {
            domain = WholeSpace.of(inputs);
        } else if (choice.vnnlib != null) {
            domain = vnnlibBox(choice.vnnlib, inputs, notes);
        } else if (choice.box != null) {
            domain = parseBox(choice.box, inputs);
        } else {
            domain = Ball.of(parseNumbers(choice.ball.center, "--center"), choice.ball.radius, choice.ball.norm);
        }
        domain.requireDimension(inputs);
        return domain;
    }

    private static Box vnnlibBox(Path vnnlib, int inputs, List<String> notes) {
        VnnLibProperty property = VnnLibReader.read(vnnlib);
        if (property.inputs() != inputs) {
            throw new InvalidInputException("The VNN-LIB file " + vnnlib + " declares " + property.inputs()
                    + " inputs but the network has " + inputs + ".", "Maybe it is the property of another network.");
        }
        if (property.outputAssertions() > 0) {
            notes.add(vnnlib + ": " + property.outputAssertions() + " assertion(s) on the outputs Y_i ignored; "
                    + "only the input box is used.");
        }
        return property.inputBox();
    }

    static Box parseBox(String text, int inputs) {
        String[] pairs = text.split(",");
        if (pairs.length != 1 && pairs.length != inputs) {
            throw new InvalidInputException("--box has " + pairs.length + " LO:HI pairs but the network has "
                    + inputs + " inputs.", "Maybe give one pair for all inputs, e.g. --box=-1:1.");
        }
        double[] lower = new double[inputs];
        double[] upper = new double[inputs];
        for (int j = 0; j < inputs; j++) {
            String pair = pairs[pairs.length == 1 ? 0 : j].trim();
            int colon = pair.indexOf(':', 1);
            if (colon < 0) {
                throw new InvalidInputException("--box side '" + pair + "' is not of the form LO:HI.",
                        "Maybe --box=-1:1.");
            }
            lower[j] = parseNumber(pair.substring(0, colon), "--box");
            upper[j] = parseNumber(pair.substring(colon + 1), "--box");
        }
        return Box.of(lower, upper);
    }

    static double[] parseNumbers(String text, String option) {
        String[] parts = text.split(",");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = parseNumber(parts[i], option);
        }
        return values;
    }

    static double parseNumber(String text, String option) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(option + " has '" + text.trim() + "', which is not a number.");
        }
    }
}
