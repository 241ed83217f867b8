package io.github.reluregions.io.vnnlib;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.domain.Box;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the input box of a VNN-LIB property (the SMT-LIB subset of the VNN competitions).
 *
 * <p>Understood: {@code (declare-const X_i Real)} and {@code (declare-const Y_i Real)};
 * {@code (assert ...)} of a comparison ({@code <=, >=, <, >}, also chained) between one input
 * {@code X_i} and a number, or an {@code and} of such comparisons (also inside an {@code or} of one
 * disjunct, as the competition's files write it). Strict and non-strict bounds give the
 * same closed box (regions are counted in its interior). Several bounds on one side keep the tightest.
 * Assertions (or conjuncts of an {@code and}) that mention only outputs {@code Y_i} are the property to
 * verify, not the domain: they are counted and ignored. Refused, with the line: a disjunction over inputs
 * (several boxes), a constraint coupling inputs or tying inputs to outputs, an input without a lower or an
 * upper bound.
 */
public final class VnnLibReader {
    private static final Pattern INPUT = Pattern.compile("X_(\\d+)");
    private static final Pattern OUTPUT = Pattern.compile("Y_(\\d+)");

    private final String source;
    private int inputs;
    private int outputs;
    private int outputAssertions;
    private double[] lower = new double[0];
    private double[] upper = new double[0];

    private VnnLibReader(String source) {
        this.source = source;
    }

    /** Reads the property in {@code file}. */
    public static VnnLibProperty read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("The VNN-LIB file " + file + " does not exist.");
        }
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the VNN-LIB file " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Reads a property from its text; {@code source} names it in messages. */
    public static VnnLibProperty parse(String text, String source) {
        return new VnnLibReader(source).readAll(SExpression.parseAll(text, source));
    }

    private VnnLibProperty readAll(List<SExpression> forms) {
        for (SExpression form : forms) {
            String head = form.head();
            if ("declare-const".equals(head)) {
                declare(form);
            } else if ("assert".equals(head) && form.size() == 2) {
                assertion(form.get(1));
            } else {
                throw error(form, "Expected (declare-const ...) or (assert ...), found " + form.abbreviated() + ".");
            }
        }
        if (inputs == 0) {
            throw new InvalidInputException("The VNN-LIB file " + source + " declares no inputs X_0, X_1, ....",
                    "Maybe it is not a VNN-LIB property.");
        }
        for (int j = 0; j < inputs; j++) {
            if (lower[j] == Double.NEGATIVE_INFINITY || upper[j] == Double.POSITIVE_INFINITY) {
                throw new InvalidInputException("The VNN-LIB file " + source + " gives X_" + j + " no "
                        + (lower[j] == Double.NEGATIVE_INFINITY ? "lower" : "upper") + " bound; the domain must be a box.",
                        "Maybe add (assert (>= X_" + j + " LO)) and (assert (<= X_" + j + " HI)).");
            }
        }
        try {
            return new VnnLibProperty(Box.of(lower, upper), outputs, outputAssertions);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("The input box of " + source + " is empty: " + e.getMessage(), null, e);
        }
    }

    private void declare(SExpression form) {
        if (form.size() != 3 || !form.get(1).isAtom() || !form.get(2).isAtom()) {
            throw error(form, "Malformed declaration " + form.abbreviated() + ".");
        }
        String name = form.get(1).atom();
        Matcher input = INPUT.matcher(name);
        Matcher output = OUTPUT.matcher(name);
        if (input.matches()) {
            int index = index(input, form);
            if (index != inputs) {
                throw error(form, "X_" + index + " is declared after X_0 .. X_" + (inputs - 1)
                        + "; inputs must be declared in order.");
            }
            inputs++;
            lower = Arrays.copyOf(lower, inputs);
            upper = Arrays.copyOf(upper, inputs);
            lower[index] = Double.NEGATIVE_INFINITY;
            upper[index] = Double.POSITIVE_INFINITY;
        } else if (output.matches()) {
            outputs = Math.max(outputs, index(output, form) + 1);
        } else {
            throw error(form, "It declares '" + name + "'; VNN-LIB names the inputs X_0, X_1, ... and the outputs Y_0, Y_1, ....");
        }
    }

    private int index(Matcher matcher, SExpression form) {
        try {
            return Integer.parseInt(matcher.group(1));
        } catch (NumberFormatException e) {
            throw error(form, "The index of " + matcher.group() + " is too large.");
        }
    }

    private void assertion(SExpression condition) {
        if ("and".equals(condition.head())) {
            for (int i = 1; i < condition.size(); i++) {
                assertion(condition.get(i));
            }
            return;
        }
        if ("or".equals(condition.head()) && condition.size() == 2) {
            assertion(condition.get(1)); // the competition's (or (and ...)) form with one disjunct
            return;
        }
        if (mentions(condition, OUTPUT)) {
            if (mentions(condition, INPUT)) {
                throw error(condition, "The assertion " + condition.abbreviated() + " ties inputs to outputs "
                        + "(e.g. several input boxes, each with its own output condition); only one input box is supported.");
            }
            outputAssertions++;
            return;
        }
        String op = condition.head();
        boolean lessOrEqual = "<=".equals(op) || "<".equals(op);
        boolean greaterOrEqual = ">=".equals(op) || ">".equals(op);
        if (!lessOrEqual && !greaterOrEqual) {
            throw error(condition, "Only bounds on single inputs are supported here, e.g. (<= X_0 0.5); found "
                    + condition.abbreviated() + (op != null && op.equals("or")
                            ? ", a disjunction (several input boxes)." : "."));
        }
        if (condition.size() < 3) {
            throw error(condition, "The comparison " + condition.abbreviated() + " needs two sides.");
        }
        for (int i = 1; i + 1 < condition.size(); i++) {
            // a <= b: bound whichever side is the input
            SExpression smaller = lessOrEqual ? condition.get(i) : condition.get(i + 1);
            SExpression larger = lessOrEqual ? condition.get(i + 1) : condition.get(i);
            bound(condition, smaller, larger);
        }
    }

    /** Records {@code smaller <= larger}, one side an input and the other a number. */
    private void bound(SExpression condition, SExpression smaller, SExpression larger) {
        int left = inputIndex(smaller);
        int right = inputIndex(larger);
        if (left >= 0 && right < 0) {
            upper[left] = Math.min(upper[left], number(larger, condition));
        } else if (right >= 0 && left < 0) {
            lower[right] = Math.max(lower[right], number(smaller, condition));
        } else {
            throw error(condition, "Only bounds on single inputs are supported here, e.g. (<= X_0 0.5); "
                    + condition.abbreviated() + " compares " + (left >= 0 ? "two inputs." : "no input."));
        }
    }

    /** The input index of an atom {@code X_i}, or -1 for anything else. */
    private int inputIndex(SExpression term) {
        if (!term.isAtom()) {
            return -1;
        }
        Matcher matcher = INPUT.matcher(term.atom());
        if (!matcher.matches()) {
            return -1;
        }
        int index = index(matcher, term);
        if (index >= inputs) {
            throw error(term, "X_" + index + " is used but not declared.");
        }
        return index;
    }

    private double number(SExpression term, SExpression condition) {
        if (term.isAtom()) {
            try {
                double value = Double.parseDouble(term.atom());
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        } else if ("-".equals(term.head()) && term.size() == 2) {
            return -number(term.get(1), condition);
        }
        throw error(condition, "Expected a number in " + condition.abbreviated() + ", found " + term.abbreviated() + ".");
    }

    private static boolean mentions(SExpression expression, Pattern variable) {
        if (expression.isAtom()) {
            return variable.matcher(expression.atom()).matches();
        }
        for (int i = 0; i < expression.size(); i++) {
            if (mentions(expression.get(i), variable)) {
                return true;
            }
        }
        return false;
    }

    private InvalidInputException error(SExpression where, String message) {
        return new InvalidInputException("In the VNN-LIB file " + source + " (line " + where.line() + "): " + message);
    }

    /** A parsed S-expression: an atom or a list, with the line it starts on. */
    static final class SExpression {
        private final String atom;
        private final List<SExpression> items;
        private final int line;

        private SExpression(String atom, List<SExpression> items, int line) {
            this.atom = atom;
            this.items = items;
            this.line = line;
        }

        boolean isAtom() {
            return atom != null;
        }

        String atom() {
            return atom;
        }

        int size() {
            return items == null ? 0 : items.size();
        }

        SExpression get(int i) {
            return items.get(i);
        }

        int line() {
            return line;
        }

        /** The first element of a list when it is an atom (the operator), else null. */
        String head() {
            return items != null && !items.isEmpty() && items.get(0).isAtom() ? items.get(0).atom : null;
        }

        /** The expression as text, cut after 80 characters. */
        String abbreviated() {
            String text = toString();
            return text.length() <= 80 ? text : text.substring(0, 77) + "...";
        }

        @Override
        public String toString() {
            if (isAtom()) {
                return atom;
            }
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < items.size(); i++) {
                sb.append(i == 0 ? "" : " ").append(items.get(i));
            }
            return sb.append(')').toString();
        }

        /** Every top-level expression of {@code text}; {@code ;} starts a comment to the end of the line. */
        static List<SExpression> parseAll(String text, String source) {
            List<SExpression> forms = new ArrayList<>();
            List<List<SExpression>> open = new ArrayList<>();
            List<Integer> openLines = new ArrayList<>();
            int line = 1;
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\n') {
                    line++;
                    i++;
                } else if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == ';') {
                    while (i < text.length() && text.charAt(i) != '\n') {
                        i++;
                    }
                } else if (c == '(') {
                    open.add(new ArrayList<>());
                    openLines.add(line);
                    i++;
                } else if (c == ')') {
                    if (open.isEmpty()) {
                        throw new InvalidInputException("In the VNN-LIB file " + source + " (line " + line
                                + "): a ')' closes nothing.", "Maybe it is not a VNN-LIB file.");
                    }
                    SExpression list = new SExpression(null, open.remove(open.size() - 1), openLines.remove(openLines.size() - 1));
                    (open.isEmpty() ? forms : open.get(open.size() - 1)).add(list);
                    i++;
                } else {
                    int start = i;
                    while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "();".indexOf(text.charAt(i)) < 0) {
                        i++;
                    }
                    SExpression atom = new SExpression(text.substring(start, i), null, line);
                    if (open.isEmpty()) {
                        throw new InvalidInputException("In the VNN-LIB file " + source + " (line " + line + "): '"
                                + atom.abbreviated() + "' stands outside any (...).", "Maybe it is not a VNN-LIB file.");
                    }
                    open.get(open.size() - 1).add(atom);
                }
            }
            if (!open.isEmpty()) {
                throw new InvalidInputException("In the VNN-LIB file " + source + ": the '(' on line "
                        + openLines.get(openLines.size() - 1) + " is never closed.", "Maybe the file is truncated.");
            }
            return forms;
        }
    }
}
