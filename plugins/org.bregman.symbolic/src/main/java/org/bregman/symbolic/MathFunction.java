package org.bregman.symbolic;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * A unary function that {@link Math} computes under its name and the Vector API has as the {@code VectorOperators}
 * constant of its name in capitals ({@code Math.exp}, {@code EXP}): its value and both emissions from one name.
 */
abstract class MathFunction extends FunctionDefinition {

    private final DoubleUnaryOperator value;

    /** @param value the {@link Math} method of {@code name}, e.g. {@code Math::exp} */
    MathFunction(String name, DoubleUnaryOperator value) {
        super(name, 1);
        this.value = value;
    }

    @Override
    public final double value(double x) {
        return value.applyAsDouble(x);
    }

    @Override
    public final String vectorOperator() {
        return name().toUpperCase(Locale.ROOT);
    }
}
