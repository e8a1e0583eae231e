package org.bregman.codegen.ir;

import static org.bregman.codegen.ir.Node.*;

import org.bregman.symbolic.Func;

/**
 * A fused step's form for small shifts |c| ≤ {@link #BOUND} (training steps c = lr·g mostly are): exp, sinh and cosh
 * of ±c by their Taylor polynomials (Horner), cut where the first omitted term is below 2⁻⁵⁶ (an eighth of a double
 * ulp) of the function's size at the bound (1 for exp and cosh, 2⁻⁵ for sinh), so the polynomials are as accurate as
 * the double functions and need no call and no division: degree 8 for exp and cosh, 7 for sinh. The vector
 * kernel takes this form for a block (float lanes) or chunk (double lanes) whose shifts all lie within the bound, and
 * the fused step otherwise.
 */
public final class SmallShift {

    /** The largest |c| of the small-shift form: 2⁻⁵. */
    public static final double BOUND = 0x1p-5;

    /** The truncation bound, relative to the function's size at the bound. */
    private static final double CUT = 0x1p-56;

    private SmallShift() {
    }

    /**
     * The fused step with every exp, sinh, cosh of ±c (Param 0) replaced by its polynomial, or {@code null} when none is,
     * or when another function of c remains (its argument could exceed the polynomials' range).
     */
    public static Node of(Node fused) {
        if (fused == null) return null;
        Node r = replace(fused);
        return r.equals(fused) || callsOfShift(r) ? null : r;
    }

    /**
     * For a fused step {@code X·exp(±c)}, the polynomial of expm1(±c), with which {@code fma(x, e, x)} on float lanes is
     * within 1 ulp of the exact step for |c| ≤ {@link #BOUND} (proof: the codegen README, "Small shifts"); else {@code null}.
     */
    public static Node floatLaneExpm1(Node fused) {
        if (fused instanceof Bin b && b.op() == Op.MUL) {
            Node f = b.a() instanceof X ? b.b() : b.b() instanceof X ? b.a() : null;
            if (f instanceof Call c && c.f() == Fn.of(Func.EXP) && isShift(c.arg())) return expm1(c.arg());
        }
        return null;
    }

    private static Node replace(Node n) {
        return switch (n) {
            case Call c when isShift(c.arg()) && c.f() == Fn.of(Func.EXP) -> add(expm1(c.arg()), num(1));
            case Call c when isShift(c.arg()) && c.f() == Fn.of(Func.SINH) -> mul(c.arg(), even(c.arg(), 1));
            case Call c when isShift(c.arg()) && c.f() == Fn.of(Func.COSH) -> add(mul(mul(c.arg(), c.arg()), even(c.arg(), 2)), num(1));
            case Call c -> new Call(c.f(), c.args().stream().map(SmallShift::replace).toList());
            case Neg g -> neg(replace(g.a()));
            case Bin b -> new Bin(b.op(), replace(b.a()), replace(b.b()));
            default -> n;
        };
    }

    /** expm1(a) = a·(1 + a/2 + a²/6 + …): Horner in a, the coefficients 1/k!. */
    static Node expm1(Node a) {
        int last = lastTerm(1, 1);
        Node p = num(factorialInverse(last));
        for (int k = last - 1; k >= 1; k--) p = add(mul(a, p), num(factorialInverse(k)));
        return mul(a, p);
    }

    /** Σ a^(2j)/(2j + first)! for j ≥ 0 (Horner in a²): sinh a / a for first = 1, (cosh a − 1)/a² for first = 2. */
    static Node even(Node a, int first) {
        int last = lastTerm(first, first == 1 ? BOUND : 1);
        if ((last - first) % 2 != 0) last--;
        Node a2 = mul(a, a);
        Node p = num(factorialInverse(last));
        for (int k = last - 2; k >= first; k -= 2) p = add(mul(a2, p), num(factorialInverse(k)));
        return p;
    }

    /** The highest k to keep: the terms BOUND^k / k! from k = first on while they exceed {@link #CUT}·size. */
    private static int lastTerm(int first, double size) {
        int k = first;
        while (Math.pow(BOUND, k + 1) * factorialInverse(k + 1) > CUT * size) k++;
        return k;
    }

    private static double factorialInverse(int k) {
        double f = 1;
        for (int i = 2; i <= k; i++) f *= i;
        return 1 / f;
    }

    private static boolean isShift(Node a) {
        Node c = a instanceof Neg g ? g.a() : a;
        return c instanceof Param p && p.index() == 0;
    }

    private static boolean callsOfShift(Node n) {
        return switch (n) {
            case Call c -> !c.f().exactInFloat() && Node.hasParams(c) || c.args().stream().anyMatch(SmallShift::callsOfShift);
            case Neg g -> callsOfShift(g.a());
            case Bin b -> callsOfShift(b.a()) || callsOfShift(b.b());
            default -> false;
        };
    }
}
