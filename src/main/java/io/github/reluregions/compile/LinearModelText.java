package io.github.reluregions.compile;

import com.google.ortools.linearsolver.MPConstraintProto;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPVariableProto;

/**
 * A linear model as free MPS or CPLEX LP text with every coefficient in full ({@link Double#toString},
 * which reads back to the same double). OR-Tools' own exporters print 6 significant digits (seen here:
 * {@code 4.41589} for a big-M of {@code 4.415890...}), so the file would not be the model that was solved.
 */
final class LinearModelText {
    private LinearModelText() {
    }

    /** Free MPS: ROWS, COLUMNS (integers between MARKER lines), RHS, RANGES, BOUNDS. */
    static String mps(MPModelProto model) {
        StringBuilder out = new StringBuilder("NAME relu_regions\n");
        if (model.getMaximize()) {
            out.append("OBJSENSE\n    MAX\n");
        }
        out.append("ROWS\n N COST\n");
        for (MPConstraintProto c : model.getConstraintList()) {
            out.append(' ').append(rowType(c)).append(' ').append(c.getName()).append('\n');
        }
        StringBuilder[] entries = new StringBuilder[model.getVariableCount()];
        for (int v = 0; v < entries.length; v++) {
            entries[v] = new StringBuilder();
            double cost = model.getVariable(v).getObjectiveCoefficient();
            if (cost != 0) {
                entries[v].append("    ").append(model.getVariable(v).getName()).append(" COST ").append(cost).append('\n');
            }
        }
        for (MPConstraintProto c : model.getConstraintList()) {
            for (int k = 0; k < c.getVarIndexCount(); k++) {
                entries[c.getVarIndex(k)].append("    ").append(model.getVariable(c.getVarIndex(k)).getName())
                        .append(' ').append(c.getName()).append(' ').append(c.getCoefficient(k)).append('\n');
            }
        }
        out.append("COLUMNS\n");
        boolean integers = false;
        int markers = 0;
        for (int v = 0; v < entries.length; v++) {
            MPVariableProto variable = model.getVariable(v);
            if (variable.getIsInteger() != integers) {
                integers = variable.getIsInteger();
                out.append("    MARKER").append(markers++).append(" 'MARKER' ").append(integers ? "'INTORG'" : "'INTEND'")
                        .append('\n');
            }
            out.append(entries[v].length() > 0 ? entries[v]
                    : "    " + variable.getName() + " COST 0.0\n");
        }
        if (integers) {
            out.append("    MARKER").append(markers).append(" 'MARKER' 'INTEND'\n");
        }
        out.append("RHS\n");
        if (model.getObjectiveOffset() != 0) {
            out.append("    RHS COST ").append(-model.getObjectiveOffset()).append('\n');
        }
        StringBuilder ranges = new StringBuilder();
        for (MPConstraintProto c : model.getConstraintList()) {
            double lo = c.getLowerBound();
            double hi = c.getUpperBound();
            double rhs = Double.isInfinite(lo) ? hi : lo;
            if (!Double.isInfinite(rhs) && rhs != 0) {
                out.append("    RHS ").append(c.getName()).append(' ').append(rhs).append('\n');
            }
            if (!Double.isInfinite(lo) && !Double.isInfinite(hi) && lo != hi) {
                ranges.append("    RNG ").append(c.getName()).append(' ').append(hi - lo).append('\n');
            }
        }
        if (ranges.length() > 0) {
            out.append("RANGES\n").append(ranges);
        }
        out.append("BOUNDS\n");
        for (MPVariableProto variable : model.getVariableList()) {
            String name = variable.getName();
            double lo = variable.getLowerBound();
            double hi = variable.getUpperBound();
            if (lo == hi) {
                out.append(" FX BND ").append(name).append(' ').append(lo).append('\n');
                continue;
            }
            out.append(Double.isInfinite(lo) ? " MI BND " + name + "\n" : " LO BND " + name + " " + lo + "\n");
            if (!Double.isInfinite(hi)) {
                out.append(" UP BND ").append(name).append(' ').append(hi).append('\n');
            }
        }
        return out.append("ENDATA\n").toString();
    }

    /** CPLEX LP text; a ranged row becomes two rows, {@code name_lo} and {@code name_hi}. */
    static String lp(MPModelProto model) {
        StringBuilder out = new StringBuilder(model.getMaximize() ? "Maximize\n" : "Minimize\n").append(" obj:");
        boolean any = false;
        for (MPVariableProto variable : model.getVariableList()) {
            if (variable.getObjectiveCoefficient() != 0) {
                term(out, variable.getObjectiveCoefficient(), variable.getName());
                any = true;
            }
        }
        if (model.getObjectiveOffset() != 0 || !any) {
            out.append(' ').append(signed(model.getObjectiveOffset()));
        }
        out.append("\nSubject To\n");
        for (MPConstraintProto c : model.getConstraintList()) {
            double lo = c.getLowerBound();
            double hi = c.getUpperBound();
            if (lo == hi) {
                row(out, model, c, c.getName(), "=", lo);
            } else {
                boolean both = !Double.isInfinite(lo) && !Double.isInfinite(hi);
                if (!Double.isInfinite(lo)) {
                    row(out, model, c, both ? c.getName() + "_lo" : c.getName(), ">=", lo);
                }
                if (!Double.isInfinite(hi)) {
                    row(out, model, c, both ? c.getName() + "_hi" : c.getName(), "<=", hi);
                }
            }
        }
        out.append("Bounds\n");
        StringBuilder generals = new StringBuilder();
        for (MPVariableProto variable : model.getVariableList()) {
            double lo = variable.getLowerBound();
            double hi = variable.getUpperBound();
            out.append(' ').append(Double.isInfinite(lo) ? "-inf" : Double.toString(lo)).append(" <= ")
                    .append(variable.getName()).append(" <= ").append(Double.isInfinite(hi) ? "+inf" : Double.toString(hi))
                    .append('\n');
            if (variable.getIsInteger()) {
                generals.append(' ').append(variable.getName()).append('\n');
            }
        }
        if (generals.length() > 0) {
            out.append("General\n").append(generals);
        }
        return out.append("End\n").toString();
    }

    private static void row(StringBuilder out, MPModelProto model, MPConstraintProto c, String name, String sense,
            double rhs) {
        out.append(' ').append(name).append(':');
        for (int k = 0; k < c.getVarIndexCount(); k++) {
            term(out, c.getCoefficient(k), model.getVariable(c.getVarIndex(k)).getName());
        }
        if (c.getVarIndexCount() == 0) {
            out.append(" 0 ").append(model.getVariable(0).getName());
        }
        out.append(' ').append(sense).append(' ').append(rhs).append('\n');
    }

    private static void term(StringBuilder out, double coefficient, String name) {
        out.append(' ').append(signed(coefficient)).append(' ').append(name);
    }

    private static String signed(double value) {
        return value < 0 ? "- " + (-value) : "+ " + value;
    }

    private static char rowType(MPConstraintProto c) {
        double lo = c.getLowerBound();
        double hi = c.getUpperBound();
        if (lo == hi) {
            return 'E';
        }
        return Double.isInfinite(lo) ? 'L' : 'G';
    }
}
