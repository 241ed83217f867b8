package io.github.reluregions.cli;

import io.github.reluregions.domain.Norm;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --norm}: {@code l1}, {@code l2} or {@code linf} (also {@code inf}, {@code l-inf}), in any case. */
final class NormConverter implements ITypeConverter<Norm> {
    @Override
    public Norm convert(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "l1" -> Norm.L1;
            case "l2" -> Norm.L2;
            case "linf", "inf", "l-inf" -> Norm.LINF;
            default -> throw new TypeConversionException("'" + value + "' is not a norm; expected l1, l2 or linf");
        };
    }
}
