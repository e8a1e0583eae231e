package org.bregman.symbolic;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@code potential} declares: name, parameters (with defaults and optional {@code where}
 * constraints), the coordinate variable, its domain, ψ, and optional {@code grad}/{@code inverse}
 * overrides. The expression nodes are kept as given, so that diagnostics can point at them.
 *
 * @param grad    {@code grad(x) = …} or {@code null}
 * @param inverse {@code inverse(z) = …} or {@code null}
 * @param time    for a time-varying {@code psi(w; t)}: the name of t, which is then the last parameter (default 0,
 *                {@code where t >= 0}: the derivation treats it as a parameter, the checks hold for every t ≥ 0);
 *                {@code null} for a potential fixed in time
 * @param reduction {@code null} for a separable ψ; otherwise ψ is F(S), an expression in the reduction's
 *                  variable S = Σ_j g(w_j) (a non-separable potential, {@link CompositeDerivation})
 */
public record PotentialSpec(String name, List<Parameter> parameters, String coordinate, RealInterval domain, Expr psi,
        Override grad, Override inverse, String time, Reduction reduction) {

    /** S = Σ_j inner(w_j) over the whole parameter vector, named {@code variable} inside ψ. */
    public record Reduction(String variable, Expr inner) {
        public Reduction {
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(inner, "inner");
        }
    }

    /** A parameter {@code name = defaultValue where constraint}; {@code where} may be {@code null}. */
    public record Parameter(String name, double defaultValue, Condition where) {
        public Parameter {
            Objects.requireNonNull(name, "name");
        }

        public Parameter(String name, double defaultValue) {
            this(name, defaultValue, null);
        }
    }

    /** An override {@code grad(variable) = body} or {@code inverse(variable) = body}. */
    public record Override(String variable, Expr body) {
        public Override {
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(body, "body");
        }
    }

    public PotentialSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(coordinate, "coordinate");
        Objects.requireNonNull(psi, "psi");
        parameters = List.copyOf(parameters);
        if (domain == null) domain = RealInterval.REALS;
        Set<String> names = new HashSet<>();
        for (Parameter p : parameters) {
            if (!names.add(p.name())) throw new SymbolicException("duplicate parameter " + p.name());
        }
        if (names.contains(coordinate)) {
            throw new SymbolicException("the coordinate " + coordinate + " has the name of a parameter");
        }
        if (time != null && (parameters.isEmpty() || !parameters.get(parameters.size() - 1).name().equals(time))) {
            throw new SymbolicException("the time " + time + " must be the last parameter");
        }
    }

    /** A separable potential fixed in time. */
    public PotentialSpec(String name, List<Parameter> parameters, String coordinate, RealInterval domain, Expr psi, Override grad,
            Override inverse) {
        this(name, parameters, coordinate, domain, psi, grad, inverse, null, null);
    }

    /** A separable potential, time-varying when {@code time} is not null. */
    public PotentialSpec(String name, List<Parameter> parameters, String coordinate, RealInterval domain, Expr psi, Override grad,
            Override inverse, String time) {
        this(name, parameters, coordinate, domain, psi, grad, inverse, time, null);
    }

    /** Whether ψ is non-separable (F of a reduction). */
    public boolean isComposite() {
        return reduction != null;
    }

    /** The same potential with ψ = F(S), S = Σ_j inner(w_j). */
    public PotentialSpec withReduction(String variable, Expr inner) {
        return new PotentialSpec(name, parameters, coordinate, domain, psi, grad, inverse, time, new Reduction(variable, inner));
    }

    /** This potential with ψ depending on the time variable {@code t} (appended as the last parameter, t ≥ 0). */
    public PotentialSpec withTime(String t) {
        List<Parameter> ps = new java.util.ArrayList<>(parameters);
        ps.add(new Parameter(t, 0, new Condition.Compare(Exprs.var(t), Condition.Op.GE, Exprs.num(0))));
        return new PotentialSpec(name, ps, coordinate, domain, psi, grad, inverse, t, reduction);
    }

    /** Whether ψ depends on a time variable ({@code psi(w; t)}). */
    public boolean isTimeVarying() {
        return time != null;
    }

    /**
     * A time-varying potential with every parameter but the time bound to {@code arguments} (missing ones take
     * their defaults, checked as {@link #arguments}): ψ over w and t only, whose derivation keeps t symbolic
     * with t ≥ 0 (the checks then hold for every t ≥ 0; the kernels take t as an argument).
     */
    public PotentialSpec boundExceptTime(Map<String, Double> arguments) {
        if (time == null) throw new IllegalStateException(name + " is not time-varying");
        Map<String, Double> values = arguments(arguments);
        Map<String, Expr> nums = new LinkedHashMap<>();
        values.forEach((k, x) -> {
            if (!k.equals(time)) nums.put(k, Exprs.num(x));
        });
        Parameter t = parameters.get(parameters.size() - 1);
        return new PotentialSpec(name, List.of(t), coordinate, domain, Simplifier.substitute(psi, nums), null, null, time,
                reduction == null ? null : new Reduction(reduction.variable(), Simplifier.substitute(reduction.inner(), nums)));
    }

    /** A potential with parameters and ψ only (no domain restriction, no overrides). */
    public static PotentialSpec of(String name, List<Parameter> parameters, String coordinate, Expr psi) {
        return new PotentialSpec(name, parameters, coordinate, RealInterval.REALS, psi, null, null);
    }

    public PotentialSpec withDomain(RealInterval d) {
        return new PotentialSpec(name, parameters, coordinate, d, psi, grad, inverse, time, reduction);
    }

    public PotentialSpec withGrad(String variable, Expr body) {
        return new PotentialSpec(name, parameters, coordinate, domain, psi, new Override(variable, body), inverse, time, reduction);
    }

    public PotentialSpec withInverse(String variable, Expr body) {
        return new PotentialSpec(name, parameters, coordinate, domain, psi, grad, new Override(variable, body), time, reduction);
    }

    /** Default values in declaration order. */
    public Map<String, Double> defaults() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Parameter p : parameters) m.put(p.name(), p.defaultValue());
        return m;
    }

    public Parameter parameter(String name) {
        for (Parameter p : parameters) if (p.name().equals(name)) return p;
        return null;
    }

    /**
     * The defaults overridden by {@code arguments}, checked: an unknown name or a value that violates
     * its {@code where} constraint is a {@link SymbolicException} with a readable message.
     */
    public Map<String, Double> arguments(Map<String, Double> arguments) {
        Map<String, Double> values = defaults();
        for (Map.Entry<String, Double> a : arguments.entrySet()) {
            if (!values.containsKey(a.getKey())) {
                throw new SymbolicException(name + " has no parameter " + a.getKey()
                        + (parameters.isEmpty() ? "" : " (parameters: " + String.join(", ", values.keySet()) + ")"));
            }
            if (a.getValue() == null || !Double.isFinite(a.getValue())) {
                throw new SymbolicException(a.getKey() + " must be a finite number");
            }
            values.put(a.getKey(), a.getValue());
        }
        for (Parameter p : parameters) {
            if (p.where() != null && !p.where().test(values)) {
                throw new SymbolicException(p.name() + " = " + Printer.number(values.get(p.name())) + " violates `where "
                        + p.where().print() + "`");
            }
        }
        return values;
    }
}
