package org.bregman.codegen;

import java.util.List;
import java.util.Objects;
import org.bregman.codegen.ir.Cond;

/**
 * What the generator needs to know about one potential bound to parameter values. All strings are raw
 * user text; the generator validates and escapes them.
 *
 * @param name           the potential's name as written (e.g. {@code QNorm})
 * @param doc            its doc comment text (may be empty)
 * @param parameterNames parameter names in declaration order
 * @param defaults       their default values
 * @param values         the values this kernel is specialised for
 * @param bound          specialised forms (numbers substituted)
 * @param general        forms over the parameters for other values, or {@code null} (then the factory
 *                       accepts only {@code values})
 * @param constraint     the {@code where} constraints (conjunction over all parameters), or {@code null}
 * @param constraintText how the constraint reads, for error messages (raw user text; escaped)
 * @param time           for a time-varying potential: the name of its time variable (the last parameter), else {@code null}
 * @param step           for a time-varying potential: the forms of one step between two times, every other parameter
 *                       bound: ψ, ψ', ψ'' at the start time ({@link org.bregman.codegen.ir.Node.Param} 0), the inverse at
 *                       the end time (Param 1); else {@code null}
 */
public record KernelSpec(String name, String doc, List<String> parameterNames, List<Double> defaults,
        List<Double> values, Forms bound, Forms general, Cond constraint, String constraintText, String time, Forms step) {

    public KernelSpec {
        Objects.requireNonNull(name, "name");
        doc = doc == null ? "" : doc;
        parameterNames = List.copyOf(parameterNames);
        defaults = List.copyOf(defaults);
        values = List.copyOf(values);
        Objects.requireNonNull(bound, "bound");
        constraintText = constraintText == null ? "" : constraintText;
        if (defaults.size() != parameterNames.size() || values.size() != parameterNames.size()) {
            throw new IllegalArgumentException("parameter names, defaults and values differ in number");
        }
        if ((time == null) != (step == null)) throw new IllegalArgumentException("a time-varying kernel needs its step forms");
    }

    public KernelSpec(String name, String doc, List<String> parameterNames, List<Double> defaults, List<Double> values, Forms bound,
            Forms general, Cond constraint, String constraintText) {
        this(name, doc, parameterNames, defaults, values, bound, general, constraint, constraintText, null, null);
    }

    /** Whether ψ depends on a time variable ({@code psi(w; t)}). */
    public boolean isTimeVarying() {
        return time != null;
    }

    /** A spec without parameters. */
    public static KernelSpec of(String name, String doc, Forms forms) {
        return new KernelSpec(name, doc, List.of(), List.of(), List.of(), forms, null, null, null);
    }
}
