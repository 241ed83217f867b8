package io.github.reluregions.cli;

import io.github.reluregions.probabilistic.ProbabilisticCounter.Method;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --method}: {@code lower-bound}, {@code estimate} or {@code both}. */
final class MethodConverter implements ITypeConverter<Method> {

    @Override
    public Method convert(String value) {
        for (Method method : Method.values()) {
            if (label(method).equalsIgnoreCase(value) || method.name().equalsIgnoreCase(value)) {
                return method;
            }
        }
        throw new TypeConversionException("'" + value + "' is not a method; expected lower-bound, estimate or both");
    }

    static String label(Method method) {
        return method.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The labels, for the help text. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("lower-bound", "estimate", "both").iterator();
        }
    }
}
