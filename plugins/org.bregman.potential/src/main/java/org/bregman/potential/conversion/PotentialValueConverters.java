package org.bregman.potential.conversion;

import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.nodemodel.INode;

/**
 * Numbers of the language: {@code 2}, {@code 0.5}, {@code 1e-3} (terminal NUMBER) and, where a literal
 * value is expected (parameter defaults, arguments), an optional leading minus (SignedNumber).
 */
public class PotentialValueConverters extends DefaultTerminalConverters {

    @ValueConverter(rule = "NUMBER")
    public IValueConverter<Double> NUMBER() {
        return new DoubleConverter(false);
    }

    @ValueConverter(rule = "SignedNumber")
    public IValueConverter<Double> SignedNumber() {
        return new DoubleConverter(true);
    }

    private static final class DoubleConverter implements IValueConverter<Double> {
        private final boolean signed;

        DoubleConverter(boolean signed) {
            this.signed = signed;
        }

        @Override
        public Double toValue(String string, INode node) {
            if (string == null || string.isBlank()) {
                throw new ValueConverterException("a number is missing here", node, null);
            }
            // the node text of a data type rule may contain hidden tokens ("- 3"): drop blanks
            String s = string.replaceAll("\\s+", "");
            try {
                double d = Double.parseDouble(s);
                if (Double.isInfinite(d)) {
                    throw new ValueConverterException("the number " + s + " is too large for a double", node, null);
                }
                return d;
            } catch (NumberFormatException e) {
                throw new ValueConverterException("'" + s + "' is not a number", node, null);
            }
        }

        @Override
        public String toString(Double value) {
            if (value == null) {
                throw new ValueConverterException("null number", null, null);
            }
            if (!signed && value < 0) {
                throw new ValueConverterException("negative number " + value + " needs a SignedNumber", null, null);
            }
            return Double.toString(value);
        }
    }
}
