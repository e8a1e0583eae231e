package org.bregman.codegen;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bregman.codegen.ir.CommonCalls;
import org.bregman.codegen.ir.Cond;
import org.bregman.codegen.ir.Node;

/** Small printing helpers for the Xtend templates (everything here is generator-made text). */
public final class TemplateSupport {

    private TemplateSupport() {
    }

    public static String d(Node n, String x) {
        return new JavaPrinter(false, x).print(n);
    }

    public static String f(Node n, String x) {
        return new JavaPrinter(true, x).print(n);
    }

    /** A fused step ({@link Forms#fusedStep()}) in double over the coordinate {@code x} and the shift {@code c}. */
    public static String fusedStep(Node n, String x, String c) {
        return new JavaPrinter(false, x, c, CommonCalls.named(n)).print(n);
    }

    /** The locals {@link #fusedStep} reads per coordinate: {@code double t0 = Math.expm1(…);}, one line each. */
    public static String fusedLocals(Node n, String x, String c) {
        return locals(CommonCalls.repeated(n), new JavaPrinter(false, x, c, CommonCalls.named(n)));
    }

    /** {@link #fusedInvariants} as lines to put before the step's loop (each ending in a newline), or nothing. */
    public static String invariantLines(Forms f) {
        return f.fused() ? invariantLines(f.fusedStep()) : "";
    }

    /** {@link #invariantLines(Forms)} of one step tree (a fused or a small-shift step). */
    public static String invariantLines(Node step) {
        return CommonCalls.invariants(step).isEmpty() ? "" : fusedInvariants(step) + "\n";
    }

    /** The locals {@link #fusedStep} reads that depend on the step's times only: {@code double k0 = …;}, before the loop. */
    public static String fusedInvariants(Node n) {
        return n == null ? "" : locals(CommonCalls.invariants(n), new JavaPrinter(false, "x", "c", Map.of()));
    }

    private static String locals(Map<Node, String> names, JavaPrinter p) {
        StringBuilder b = new StringBuilder();
        names.forEach((t, name) -> b.append(b.isEmpty() ? "" : "\n").append("double ").append(name).append(" = ").append(p.definition(t)).append(';'));
        return b.toString();
    }

    public static String d(double v) {
        return JavaText.doubleLiteral(v);
    }

    public static String str(String userText) {
        return JavaText.stringLiteral(userText);
    }

    public static String doc(String userText) {
        return JavaText.commentText(userText.strip());
    }

    public static String bool(boolean b) {
        return b ? "true" : "false";
    }

    /** {@code {"q", "beta"}} */
    public static String stringArray(List<String> names) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < names.size(); i++) b.append(i == 0 ? "" : ", ").append(str(names.get(i)));
        return b.append('}').toString();
    }

    /** {@code {3.0, 0.1}} */
    public static String doubleArray(List<Double> values) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) b.append(i == 0 ? "" : ", ").append(d(values.get(i)));
        return b.append('}').toString();
    }

    /** The Java condition that {@code v} (a double expression) lies in the range. */
    public static String inRange(Forms.Range r, String lo, String hi, String v) {
        return "(" + v + (r.lowerClosed() ? " >= " : " > ") + lo + " && " + v + (r.upperClosed() ? " <= " : " < ") + hi + ")";
    }

    /** Whether the step must check the dual domain. */
    public static boolean checksDual(Forms f) {
        return !f.dual().isAllReals();
    }

    /** The constraint as a Java condition over {@code p0, p1, …}. */
    public static String cond(Cond c) {
        return switch (c) {
            case Cond.Cmp k -> "(" + d(k.a(), "x") + " " + k.op().symbol() + " " + d(k.b(), "x") + ")";
            case Cond.And a -> "(" + cond(a.a()) + " && " + cond(a.b()) + ")";
            case Cond.Or o -> "(" + cond(o.a()) + " || " + cond(o.b()) + ")";
            case Cond.Not n -> "(!" + cond(n.a()) + ")";
        };
    }

    /** Human-readable binding, e.g. {@code q = 3.0}, for comments (parameter names escaped). */
    public static String binding(KernelSpec s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.parameterNames().size(); i++) {
            b.append(i == 0 ? "" : ", ").append(JavaText.commentText(s.parameterNames().get(i))).append(" = ")
                    .append(String.format(Locale.ROOT, "%s", s.values().get(i)));
        }
        return b.toString();
    }
}
