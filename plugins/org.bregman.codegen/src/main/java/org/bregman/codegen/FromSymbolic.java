package org.bregman.codegen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bregman.codegen.ir.Node;
import org.bregman.codegen.ir.CommonCalls;
import org.bregman.codegen.ir.Cond;
import org.bregman.codegen.ir.SmallShift;
import org.bregman.symbolic.Condition;
import org.bregman.symbolic.Derivation;
import org.bregman.symbolic.Expr;
import org.bregman.symbolic.Exprs;
import org.bregman.symbolic.OverflowSafe;
import org.bregman.symbolic.PotentialSpec;
import org.bregman.symbolic.RealInterval;
import org.bregman.symbolic.Simplifier;
import org.bregman.symbolic.Assumptions;
import org.bregman.symbolic.StepFusion;

/** Builds a {@link KernelSpec} from the symbolic module's derivations. */
public final class FromSymbolic {

    private FromSymbolic() {
    }

    /**
     * @param bound a derivation with numbers substituted ({@link Derivation#bind}); the general forms
     *              for other parameter values are derived from its spec
     * @param doc   the potential's doc comment, or {@code null}
     */
    public static KernelSpec spec(Derivation bound, String doc) {
        return spec(bound, doc, true);
    }

    /** The same without the general forms: a live compile's kernel-only source never uses them, so they are not derived. */
    public static KernelSpec kernelOnly(Derivation bound, String doc) {
        return spec(bound, doc, false);
    }

    private static KernelSpec spec(Derivation bound, String doc, boolean withGeneral) {
        if (!bound.isBound() && !bound.spec().parameters().isEmpty()) {
            throw new IllegalArgumentException(bound.spec().name() + ": bind the derivation to parameter values before compiling it");
        }
        PotentialSpec ps = bound.spec();
        List<String> names = new ArrayList<>();
        List<Double> defaults = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        Cond constraint = null;
        StringBuilder text = new StringBuilder();
        for (PotentialSpec.Parameter p : ps.parameters()) {
            names.add(p.name());
            defaults.add(p.defaultValue());
            Double v = bound.parameterValues().get(p.name());
            values.add(v != null ? v : p.defaultValue());
        }
        for (PotentialSpec.Parameter p : ps.parameters()) {
            if (p.where() == null) continue;
            Cond c = cond(p.where(), names);
            constraint = constraint == null ? c : new Cond.And(constraint, c);
            text.append(text.length() == 0 ? "" : " and ").append(p.where().print());
        }
        Forms.Range domain = range(bound.domain());
        Forms.Range dual = bound.dualDomain() == null ? Forms.Range.REALS : range(bound.dualDomain());
        Forms b = forms(bound, List.of(), domain, dual);
        Forms general = null;
        if (withGeneral && !names.isEmpty()) {
            try {
                // the dual domain may depend on the parameters: the general class checks finiteness only
                general = forms(Derivation.derive(ps), names, domain, Forms.Range.REALS);
            } catch (RuntimeException e) {
                general = null; // the factory then accepts the bound values only (and says so)
            }
        }
        if (!ps.isTimeVarying()) return new KernelSpec(ps.name(), doc, names, defaults, values, b, general, constraint, text.toString());
        Map<String, Double> others = new LinkedHashMap<>(bound.parameterValues());
        others.remove(ps.time());
        return new KernelSpec(ps.name(), doc, names, defaults, values, b, general, constraint, text.toString(), ps.time(),
                stepForms(Derivation.derive(ps.boundExceptTime(others)), domain));
    }

    /** The second time variable of a step's forms (not a name a user can write). */
    private static final String LANDING = "\u0000t1";

    /**
     * ψ, ψ', ψ'' with the time as Param 0 (where a step starts), the inverse with it as Param 1 (where it lands); the
     * dual domain may move with t, so the step checks finiteness only.
     */
    private static Forms stepForms(Derivation d, Forms.Range domain) {
        String t = d.spec().time();
        List<String> params = List.of(t, LANDING);
        Lowering lw = new Lowering(d.coordinate(), params);
        Lowering lz = new Lowering(d.dualVariable(), params);
        Node inverse = null;
        Node fused = null;
        Node smallShift = null;
        if (d.inverse().isClosedForm()) {
            Expr landing = Simplifier.substitute(d.inverse().expr(), Map.of(t, Exprs.var(LANDING)));
            inverse = lz.lower(landing);
            // fused as a fixed potential's step is, the landing time a second variable ranging as t does (t ≥ 0)
            Assumptions a = d.assumptions().with(LANDING, d.assumptions().range(t));
            Expr step = StepFusion.fused(d.grad(), landing, d.dualVariable(), a);
            if (step != null) {
                Expr evaluated = StepFusion.finiteOnFloats(step, d, a) ? step : OverflowSafe.rewriteFolded(step);
                // the shift is Param 0 of a fused step, the times Params 1 and 2 (the fields p0, p1)
                Node lowered = new Lowering(d.coordinate(), List.of(StepFusion.SHIFT, t, LANDING)).lower(evaluated);
                fused = CommonCalls.reciprocalsOfInvariants(CommonCalls.sinhCoshFromExpm1(lowered));
                Node small = SmallShift.of(lowered);
                smallShift = small == null ? null : CommonCalls.reciprocalsOfInvariants(small);
            }
        }
        return new Forms(lw.lower(OverflowSafe.rewrite(d.psi())), lw.lower(OverflowSafe.rewrite(d.grad())),
                lw.lower(OverflowSafe.rewrite(d.hessian())), inverse, domain, Forms.Range.REALS, fused, smallShift);
    }

    private static Forms forms(Derivation d, List<String> params, Forms.Range domain, Forms.Range dual) {
        Lowering lw = new Lowering(d.coordinate(), params);
        Lowering lz = new Lowering(d.dualVariable(), params);
        Node fused = fusedStep(d, params, dual);
        // evaluated in the overflow-safe form (the derivation evaluates the same one)
        return new Forms(lw.lower(OverflowSafe.rewrite(d.psi())), lw.lower(OverflowSafe.rewrite(d.grad())),
                lw.lower(OverflowSafe.rewrite(d.hessian())),
                d.inverse().isClosedForm() ? lz.lower(d.inverse().expr()) : null, domain, dual,
                fused == null ? null : CommonCalls.sinhCoshFromExpm1(fused), SmallShift.of(fused));
    }

    /**
     * The fused step (Param 0 the shift) of a specialised form with an unbounded dual domain, or {@code null}; in the
     * overflow-safe form only where a double intermediate could overflow (it costs divisions); sinh and cosh of c as
     * they are (the kernels take both from one expm1: {@link CommonCalls#sinhCoshFromExpm1}).
     */
    private static Node fusedStep(Derivation d, List<String> params, Forms.Range dual) {
        if (!params.isEmpty() || !dual.isAllReals()) return null;
        Expr step = StepFusion.fused(d);
        if (step == null) return null;
        Expr evaluated = StepFusion.finiteOnFloats(step, d) ? step : OverflowSafe.rewriteFolded(step);
        return new Lowering(d.coordinate(), List.of(StepFusion.SHIFT)).lower(evaluated);
    }

    static Forms.Range range(RealInterval r) {
        return Forms.Range.of(r.lower(), r.lowerClosed(), r.upper(), r.upperClosed());
    }

    static Cond cond(Condition c, List<String> params) {
        Lowering l = new Lowering("\u0000no coordinate", params);
        return switch (c) {
            case Condition.Compare k -> new Cond.Cmp(k.op(), l.lower(k.left()), l.lower(k.right()));
            case Condition.And a -> new Cond.And(cond(a.left(), params), cond(a.right(), params));
            case Condition.Or o -> new Cond.Or(cond(o.left(), params), cond(o.right(), params));
            case Condition.Not n -> new Cond.Not(cond(n.operand(), params));
        };
    }
}
