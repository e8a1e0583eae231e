package org.bregman.potential.validation;

import static org.bregman.potential.potential.PotentialPackage.Literals.*;
import static org.bregman.potential.util.AstEval.fmt;
import static org.bregman.potential.validation.IssueCodes.*;
import static org.bregman.potential.validation.Nodes.line;
import static org.bregman.potential.validation.Nodes.parseErrorIn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bregman.potential.experiment.Vocabulary.Entry;
import org.bregman.potential.potential.Binary;
import org.bregman.potential.potential.Call;
import org.bregman.potential.potential.Coordinate;
import org.bregman.potential.potential.Definition;
import org.bregman.potential.potential.DefinitionKind;
import org.bregman.potential.potential.Domain;
import org.bregman.potential.potential.Expression;
import org.bregman.potential.potential.Not;
import org.bregman.potential.potential.Parameter;
import org.bregman.potential.potential.PotentialDef;
import org.bregman.potential.potential.SymbolRef;
import org.bregman.potential.translate.Reductions;
import org.bregman.potential.util.AstEval;
import org.bregman.potential.util.PotentialModels;
import org.bregman.symbolic.Func;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;

/**
 * Checks of a potential definition: structure, parameters, expressions, functions, the domain, and the
 * symbolic engine's checks ({@link SymbolicChecks}: operation domains, convexity, overrides). Composed into
 * {@link PotentialValidator}.
 */
public class PotentialChecks extends ComposedCheck {

    /** Expressions within the language's limits (depth, size, nested calls) before anything derives them. */
    @Check
    public void checkLimits(PotentialDef p) {
        for (Parameter param : p.getParams()) limit(param.getConstraint());
        for (Domain d : PotentialModels.domains(p)) limit(d.getCondition());
        for (DefinitionKind kind : DefinitionKind.VALUES) {
            for (Definition d : PotentialModels.definitions(p, kind)) limit(d.getBody());
        }
    }

    private void limit(Expression e) {
        ExpressionLimits.Violation v = ExpressionLimits.violation(e);
        if (v != null) error(v.message(), v.node(), null, TOO_LARGE);
    }
    @Check
    public void checkPotentialStructure(PotentialDef p) {
        Map<String, EObject> names = new HashMap<>();
        for (Parameter param : p.getParams()) {
            if (param.getName() == null) continue;
            if (names.containsKey(param.getName())) {
                error("duplicate parameter '" + param.getName() + "' in " + p.getName(), param, SYMBOL__NAME, DUPLICATE);
            } else {
                names.put(param.getName(), param);
            }
        }
        List<Definition> psis = PotentialModels.definitions(p, DefinitionKind.PSI);
        if (psis.isEmpty() && p.getName() != null) {
            error("potential " + p.getName() + " has no psi: add a line such as psi(w) = w^2 / 2", p, ELEMENT__NAME, MISSING_PSI);
        }
        for (DefinitionKind kind : DefinitionKind.VALUES) {
            List<Definition> defs = PotentialModels.definitions(p, kind);
            for (Definition d : defs.subList(Math.min(1, defs.size()), defs.size())) {
                error(p.getName() + " defines " + kind.getLiteral() + " twice (first at line " + line(defs.get(0)) + ")", d, DEFINITION__KIND,
                        DUPLICATE);
            }
        }
        List<Domain> domains = PotentialModels.domains(p);
        for (Domain d : domains.subList(Math.min(1, domains.size()), domains.size())) {
            error(p.getName() + " has two domain lines (first at line " + line(domains.get(0))
                    + "): join them with and, e.g. domain 0 < w and w < 1", d, null, DUPLICATE);
        }
        for (Definition d : PotentialModels.definitions(p, DefinitionKind.PSI)) checkCoordinateName(p, d, names);
        for (Definition d : PotentialModels.definitions(p, DefinitionKind.GRAD)) checkCoordinateName(p, d, names);
        for (Definition d : PotentialModels.definitions(p, DefinitionKind.INVERSE)) checkCoordinateName(p, d, names);
    }

    private void checkCoordinateName(PotentialDef p, Definition d, Map<String, EObject> params) {
        if (d.getCoordinate() != null && params.containsKey(d.getCoordinate().getName())) {
            error("the coordinate '" + d.getCoordinate().getName() + "' has the name of a parameter of " + p.getName()
                    + ": rename one of them", d.getCoordinate(), SYMBOL__NAME, DUPLICATE);
        }
    }

    /** {@code psi(w; t)}: one time variable, in psi only, named apart; the mirror map is derived from it, never overridden. */
    @Check
    public void checkTimeVarying(Definition d) {
        if (d.getExtra().isEmpty()) return;
        String w = d.getCoordinate() == null ? "w" : d.getCoordinate().getName();
        Coordinate t = d.getExtra().get(0);
        if (d.getKind() != DefinitionKind.PSI) {
            error("only psi takes a time variable: " + d.getKind().getLiteral() + "(" + w + "; " + t.getName() + ") is not supported (the mirror map "
                    + "and its inverse at each time are derived from psi(w; t))", t, null, NOT_SUPPORTED);
            return;
        }
        for (Coordinate extra : d.getExtra().subList(1, d.getExtra().size())) {
            error("psi takes one time variable, as in psi(" + w + "; " + t.getName() + "); remove '; " + extra.getName() + "'", extra, null,
                    NOT_SUPPORTED);
        }
        if (!(d.eContainer() instanceof PotentialDef p) || t.getName() == null) return;
        if (t.getName().equals(w)) {
            error("the time '" + t.getName() + "' has the name of the coordinate: rename one of them", t, SYMBOL__NAME, DUPLICATE);
        }
        for (Parameter param : p.getParams()) {
            if (t.getName().equals(param.getName())) {
                error("the time '" + t.getName() + "' has the name of a parameter of " + p.getName() + ": rename one of them", t, SYMBOL__NAME,
                        DUPLICATE);
            }
        }
        for (Definition o : p.getMembers().stream().filter(Definition.class::isInstance).map(Definition.class::cast).toList()) {
            if (o.getKind() != DefinitionKind.PSI && o.getExtra().isEmpty()) {
                error(o.getKind().getLiteral() + " cannot be overridden for a time-varying psi(" + w + "; " + t.getName()
                        + "): the mirror map and its inverse at each time are derived from psi", o, null, NOT_SUPPORTED);
            }
        }
    }

    /** A non-separable psi: one reduction, the coordinate only inside it, no grad/inverse overrides. */
    @Check
    public void checkNonSeparable(PotentialDef p) {
        Definition psi = PotentialModels.psi(p);
        if (psi == null || !Reductions.nonSeparable(p)) return;
        Call second = Reductions.secondReduction(psi);
        if (second != null) {
            error("one reduction per potential: " + AstEval.text(second) + " differs from the first; write psi as a function of one "
                    + "sum(…) or norm(…) (separable terms next to it are not supported yet)", second, CALL__FUNCTION, NOT_SUPPORTED);
        }
        SymbolRef stray = Reductions.strayCoordinate(psi);
        if (stray != null) {
            error("in a non-separable psi the coordinate " + AstEval.text(stray) + " may appear only inside sum(…) or norm(…), "
                    + "which range over every coordinate", stray, null, NOT_SUPPORTED);
        }
        for (DefinitionKind kind : List.of(DefinitionKind.GRAD, DefinitionKind.INVERSE)) {
            for (Definition d : PotentialModels.definitions(p, kind)) {
                error(kind.getLiteral() + " overrides are not supported for a non-separable potential (its gradient F'(S)·g'(w_j) "
                        + "and inverse are derived)", d, DEFINITION__KIND, NOT_SUPPORTED);
            }
        }
    }

    @Check
    public void checkParameter(Parameter param) {
        if (!Double.isFinite(param.getDefault()) || parseErrorIn(param)) return;
        Expression constraint = param.getConstraint();
        if (constraint == null || !(param.eContainer() instanceof PotentialDef p)) return;
        if (!AstEval.isCondition(constraint)) return; // reported by checkExpressionKind
        Boolean ok = AstEval.condition(constraint, MirrorChecks.defaults(p));
        if (Boolean.FALSE.equals(ok)) {
            error("the default " + param.getName() + " = " + fmt(param.getDefault()) + " violates its constraint " + AstEval.text(constraint),
                    param, PARAMETER__DEFAULT, CONSTRAINT_VIOLATED);
        }
    }

    /** Numbers where a number is expected, conditions where a condition is. */
    @Check
    public void checkExpressionKind(Expression e) {
        EObject container = e.eContainer();
        EStructuralFeature feature = e.eContainingFeature();
        boolean conditionExpected = container instanceof Domain || feature == PARAMETER__CONSTRAINT || container instanceof Not
                || (container instanceof Binary b && ("and".equals(b.getOp()) || "or".equals(b.getOp())));
        boolean cond = AstEval.isCondition(e);
        if (cond && !conditionExpected) {
            error(AstEval.text(e) + " is a condition; a number is expected here", e, null, NOT_A_NUMBER);
        } else if (!cond && conditionExpected) {
            error(AstEval.text(e) + " is a number; a condition such as " + AstEval.text(e) + " > 0 is expected here", e, null,
                    NOT_A_CONDITION);
        }
    }

    @Check
    public void checkCall(Call call) {
        String name = call.getFunction();
        if (name == null) return;
        if (Reductions.isReduction(name)) {
            String problem = Reductions.problem(call);
            if (problem != null) error(problem, call, CALL__FUNCTION, NOT_SUPPORTED);
            return;
        }
        Func f = Func.byName(name);
        if (f == null) {
            List<String> known = new ArrayList<>();
            for (Func g : Func.inTheLanguage()) known.add(g.symbol());
            known.addAll(Reductions.DESCRIPTIONS.keySet());
            error("unknown function '" + name + "'" + PotentialModels.didYouMean(name, known) + " (functions: " + String.join(" ", known) + ")",
                    call, CALL__FUNCTION, UNKNOWN_FUNCTION);
            return;
        }
        if (call.getArgs().size() != f.arity()) {
            error(name + " takes " + f.arity() + " argument" + (f.arity() != 1 ? "s" : "") + ", not " + call.getArgs().size(), call,
                    CALL__FUNCTION, ARITY);
        }
    }

    @Check
    public void checkDomain(Domain d) {
        if (!(d.eContainer() instanceof PotentialDef p)) return;
        if (d.getCondition() == null || !AstEval.isCondition(d.getCondition())) return; // syntax / kind errors elsewhere
        if (ExpressionLimits.violation(d.getCondition()) != null) return; // checkLimits
        // an unknown name (the time t outside psi) or a reduction has its own error there: no second one about the comparison
        if (Isolation.broken(d) || org.eclipse.xtext.EcoreUtil2.getAllContentsOfType(d, Call.class).stream()
                .anyMatch(c -> Reductions.isReduction(c.getFunction()))) return;
        Map.Entry<EObject, String> problem = DomainAnalysis.problem(d, PotentialModels.coordinate(p));
        if (problem != null) error(problem.getValue(), problem.getKey() == null ? d : problem.getKey(), null, BAD_DOMAIN);
    }

    /** Operation domains, strict convexity and overrides (the symbolic engine). */
    @Check(CheckType.NORMAL)
    public void checkDerivation(PotentialDef p) {
        if (!Isolation.derivable(p)) return; // a syntax/linking error inside p, or a bad default, is reported on its own
        if (ExpressionLimits.exceeded(p)) return; // checkLimits has said why; the engine never sees it
        SymbolicChecks.check(p, this::reportSymbolic);
    }

}
