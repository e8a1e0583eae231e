package org.bregman.potential.translate;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.bregman.potential.potential.Abs;
import org.bregman.potential.potential.Binary;
import org.bregman.potential.potential.Call;
import org.bregman.potential.potential.Comparison;
import org.bregman.potential.potential.Constant;
import org.bregman.potential.potential.Coordinate;
import org.bregman.potential.potential.Definition;
import org.bregman.potential.potential.DefinitionKind;
import org.bregman.potential.potential.Domain;
import org.bregman.potential.potential.Expression;
import org.bregman.potential.potential.Negation;
import org.bregman.potential.potential.Not;
import org.bregman.potential.potential.NumberLiteral;
import org.bregman.potential.potential.Parameter;
import org.bregman.potential.potential.Plus;
import org.bregman.potential.potential.PotentialDef;
import org.bregman.potential.potential.SymbolRef;
import org.bregman.potential.util.AstEval;
import org.bregman.potential.util.PotentialModels;
import org.bregman.potential.validation.DomainAnalysis;
import org.bregman.symbolic.Condition;
import org.bregman.symbolic.Expr;
import org.bregman.symbolic.Exprs;
import org.bregman.symbolic.Func;
import org.bregman.symbolic.PotentialSpec;
import org.bregman.symbolic.RealInterval;
import org.eclipse.emf.ecore.EObject;

/**
 * Translates a {@code potential} of the AST into the symbolic engine's {@link PotentialSpec}. Every
 * {@link Expr} node created is mapped (by identity) to the AST node it came from, so that a symbolic
 * diagnostic about a node can be shown at that node's {@code line:column}. Never throws: a potential
 * that cannot be translated (syntax or linking errors, missing psi) gives {@code spec == null} and a
 * list of problems, which the validator has already reported in the user's words.
 */
public final class PotentialTranslator {

    /** A translation: the spec (null if impossible), where each node came from, and what went wrong. */
    public record Result(PotentialSpec spec, Map<Expr, EObject> origins, List<String> problems) {
        /** The AST node an Expr node was made from, or null. */
        public EObject origin(Expr node) {
            return node == null ? null : origins.get(node);
        }
    }

    private final IdentityHashMap<Expr, EObject> origins = new IdentityHashMap<>();
    private final List<String> problems = new ArrayList<>();
    /** While translating psi: the coordinate and the name of S = Σ_j g(w_j); g once a reduction was met. */
    private String coordinate, sumVariable;
    private Expr reduced;
    private boolean insideReduction;

    private PotentialTranslator() {
    }

    public static Result translate(PotentialDef p) {
        PotentialTranslator t = new PotentialTranslator();
        PotentialSpec spec = null;
        try {
            spec = t.spec(p);
        } catch (UntranslatableException e) {
            t.problems.add(e.getMessage());
        } catch (RuntimeException e) {
            // defensive: a broken model must never crash the caller
            t.problems.add("cannot translate " + (p == null ? "potential" : p.getName()) + ": " + e);
        }
        return new Result(spec, t.origins, List.copyOf(t.problems));
    }

    /** Translates one numeric expression (for tests and tools); throws {@link UntranslatableException}. */
    public static Expr expression(Expression e) {
        return new PotentialTranslator().expr(e);
    }

    private PotentialSpec spec(PotentialDef p) {
        if (p == null || p.getName() == null) throw new UntranslatableException("potential without a name");
        Definition psi = PotentialModels.psi(p);
        if (psi == null || psi.getCoordinate() == null || psi.getBody() == null) {
            throw new UntranslatableException(p.getName() + " has no psi");
        }
        if (psi.getExtra().size() > 1) throw new UntranslatableException("psi takes one time variable");
        List<PotentialSpec.Parameter> params = new ArrayList<>();
        for (Parameter param : p.getParams()) {
            if (param.getName() == null) throw new UntranslatableException("parameter without a name");
            Condition where = param.getConstraint() == null ? null : condition(param.getConstraint());
            params.add(new PotentialSpec.Parameter(param.getName(), param.getDefault(), where));
        }
        RealInterval domain = RealInterval.REALS;
        for (Domain d : PotentialModels.domains(p)) {
            DomainAnalysis.Outcome o = DomainAnalysis.analyse(d, psi.getCoordinate());
            if (o.interval() == null) throw new UntranslatableException(o.problem());
            RealInterval next = domain.intersect(o.interval());
            if (next == null) throw new UntranslatableException("the domain of " + p.getName() + " is empty");
            domain = next;
        }
        coordinate = psi.getCoordinate().getName();
        java.util.Set<String> taken = new java.util.HashSet<>();
        params.forEach(x -> taken.add(x.name()));
        taken.add(coordinate);
        sumVariable = "S";
        for (int i = 1; taken.contains(sumVariable); i++) sumVariable = "S" + i;
        Expr body = expr(psi.getBody());
        coordinate = null;
        PotentialSpec spec = new PotentialSpec(p.getName(), params, psi.getCoordinate().getName(), domain, body, null, null);
        boolean overrides = PotentialModels.definition(p, DefinitionKind.GRAD) != null || PotentialModels.definition(p, DefinitionKind.INVERSE) != null;
        if (!psi.getExtra().isEmpty()) {
            String t = psi.getExtra().get(0).getName();
            if (t == null) throw new UntranslatableException("the time variable has no name");
            if (reduced != null) throw new UntranslatableException("a time-varying non-separable psi is not supported");
            // t is the last parameter (t >= 0); the validator rejects overrides of a time-varying psi
            if (overrides) throw new UntranslatableException("a time-varying psi cannot have grad or inverse overrides");
            return spec.withTime(t);
        }
        if (reduced != null) {
            if (body.contains(psi.getCoordinate().getName())) {
                throw new UntranslatableException("the coordinate is used outside sum(…)/norm(…) in a non-separable psi");
            }
            if (overrides) throw new UntranslatableException("grad/inverse overrides of a non-separable potential are not supported");
            return spec.withReduction(sumVariable, reduced);
        }
        Definition grad = PotentialModels.definition(p, DefinitionKind.GRAD);
        if (grad != null) spec = spec.withGrad(variable(grad), expr(grad.getBody()));
        Definition inverse = PotentialModels.definition(p, DefinitionKind.INVERSE);
        if (inverse != null) spec = spec.withInverse(variable(inverse), expr(inverse.getBody()));
        return spec;
    }

    private static String variable(Definition d) {
        Coordinate c = d.getCoordinate();
        if (c == null || c.getName() == null || d.getBody() == null || !d.getExtra().isEmpty()) {
            throw new UntranslatableException(d.getKind().getLiteral() + " is incomplete");
        }
        return c.getName();
    }

    private Expr expr(Expression e) {
        Expr r = build(e);
        claim(r, e);
        return r;
    }

    /** Maps the nodes a builder created inside {@code r} (e.g. the -1 of a subtraction) to {@code origin}. */
    private void claim(Expr r, EObject origin) {
        if (r instanceof Expr.Const || origins.containsKey(r)) return;
        origins.put(r, origin);
        for (Expr c : r.children()) claim(c, origin);
    }

    private Expr build(Expression e) {
        if (e == null) throw new UntranslatableException("an expression is missing");
        if (e instanceof NumberLiteral n) return Exprs.num(n.getValue());
        if (e instanceof Constant c) return "pi".equals(c.getName()) ? Exprs.pi() : Exprs.e();
        if (e instanceof SymbolRef s) {
            if (s.getSymbol() == null || s.getSymbol().eIsProxy() || s.getSymbol().getName() == null) {
                throw new UntranslatableException("unknown name " + AstEval.text(s));
            }
            return Exprs.var(s.getSymbol().getName());
        }
        if (e instanceof Negation n) return Exprs.neg(expr(n.getOperand()));
        if (e instanceof Plus p) return build(p.getOperand());
        if (e instanceof Abs a) return Exprs.abs(expr(a.getOperand()));
        if (e instanceof Call c && Reductions.isReduction(c.getFunction())) return reduction(c);
        if (e instanceof Call c) {
            Func f = Func.byName(c.getFunction());
            if (f == null) throw new UntranslatableException("unknown function " + c.getFunction());
            if (c.getArgs().size() != f.arity()) throw new UntranslatableException(f.symbol() + " takes " + f.arity() + " arguments");
            List<Expr> args = new ArrayList<>();
            for (Expression a : c.getArgs()) args.add(expr(a));
            // pow(a, b) is a^b: one representation for the simplifier
            return f == Func.POW ? Exprs.pow(args.get(0), args.get(1)) : Exprs.call(f, args);
        }
        if (e instanceof Binary b) {
            if (b.getOp() == null) throw new UntranslatableException("an operator is missing");
            return switch (b.getOp()) {
                case "+" -> Exprs.add(expr(b.getLeft()), expr(b.getRight()));
                case "-" -> Exprs.sub(expr(b.getLeft()), expr(b.getRight()));
                case "*" -> Exprs.mul(expr(b.getLeft()), expr(b.getRight()));
                case "/" -> Exprs.div(expr(b.getLeft()), expr(b.getRight()));
                case "^" -> Exprs.pow(expr(b.getLeft()), expr(b.getRight()));
                default -> throw new UntranslatableException(AstEval.text(b) + " is a condition, not a number");
            };
        }
        throw new UntranslatableException(AstEval.text(e) + " is a condition, not a number");
    }

    /** sum(g) is S, norm(w, p) is S^(1/p) with g = |w|^p: one g per potential (the validator says why otherwise). */
    private Expr reduction(Call c) {
        if (coordinate == null || insideReduction || Reductions.problem(c) != null) {
            throw new UntranslatableException(c.getFunction() + "(…) is misplaced");
        }
        Expr g;
        Expr p = null;
        insideReduction = true;
        try {
            if ("norm".equals(c.getFunction())) {
                p = expr(c.getArgs().get(1));
                g = Exprs.pow(Exprs.abs(Exprs.var(coordinate)), p);
            } else {
                g = expr(c.getArgs().get(0));
            }
        } finally {
            insideReduction = false;
        }
        if (reduced != null && !reduced.equals(g)) throw new UntranslatableException("two different reductions in one psi");
        reduced = g;
        return p == null ? Exprs.var(sumVariable) : Exprs.pow(Exprs.var(sumVariable), Exprs.div(Exprs.num(1), p));
    }

    /** A where constraint as a symbolic {@link Condition}; chains {@code a < b < c} become {@code a < b and b < c}. */
    public Condition condition(Expression e) {
        if (e instanceof Not n) return new Condition.Not(condition(n.getOperand()));
        if (e instanceof Binary b && "and".equals(b.getOp())) return new Condition.And(condition(b.getLeft()), condition(b.getRight()));
        if (e instanceof Binary b && "or".equals(b.getOp())) return new Condition.Or(condition(b.getLeft()), condition(b.getRight()));
        if (e instanceof Comparison c) {
            Condition out = null;
            for (int i = 0; i < c.getOps().size() && i + 1 < c.getOperands().size(); i++) {
                Condition.Compare cmp = new Condition.Compare(expr(c.getOperands().get(i)),
                        Condition.Op.valueOf(c.getOps().get(i).getName()), expr(c.getOperands().get(i + 1)));
                out = out == null ? cmp : new Condition.And(out, cmp);
            }
            if (out == null) throw new UntranslatableException("an incomplete comparison");
            return out;
        }
        throw new UntranslatableException(AstEval.text(e) + " is not a condition");
    }

    /** The translation cannot continue; the message is for logs (the validator words it for users). */
    public static final class UntranslatableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UntranslatableException(String message) {
            super(message, null, false, false);
        }
    }
}
