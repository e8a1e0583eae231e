package org.bregman.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bregman.train.report.Json;

import org.bregman.symbolic.CompositeDerivation;
import org.bregman.symbolic.Derivation;
import org.bregman.symbolic.Printer;
import org.bregman.symbolic.RealInterval;
import org.bregman.symbolic.SymbolicException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "derive",
        description = "Derive psi, psi', psi'', the inverse mirror map (closed-form or numeric), D_psi, "
                + "the domain and the dual domain of each potential.")
final class DeriveCommand extends FilesVerb {

    @Option(names = "--potential", paramLabel = "NAME", description = "only this potential (repeatable)")
    List<String> only = new ArrayList<>();

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() {
        List<Loader.Potential> chosen = loadValid(files).select(only);
        PrintWriter out = out();
        List<Object> rows = new ArrayList<>();
        for (Loader.Potential p : chosen) {
            if (p.spec().isComposite()) {
                Map<String, Object> row = describeComposite(p);
                if (output.json) rows.add(row);
                else printComposite(out, p, row);
                continue;
            }
            Derivation symbolic;
            Derivation bound;
            try {
                symbolic = Derivation.derive(p.spec());
                bound = symbolic.bind(p.spec().arguments(Map.of()));
            } catch (SymbolicException e) {
                throw new Main.UserError(p.location() + ": error: " + p.name() + ": " + e.getMessage(), Main.INPUT_ERROR, true);
            }
            Map<String, Object> row = describe(p, symbolic, bound);
            if (output.json) {
                rows.add(row);
            } else {
                print(out, p, row);
            }
        }
        if (output.json) {
            out.print(Json.write(Map.of("potentials", rows)));
        }
        return 0;
    }

    static Map<String, Object> describe(Loader.Potential p, Derivation symbolic, Derivation bound) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", p.name());
        row.put("file", p.file().toString());
        row.put("line", p.line());
        Map<String, Double> params = new LinkedHashMap<>(bound.parameterValues());
        String time = p.spec().time();
        if (time != null) params.remove(time); // the time is not a parameter one sets
        row.put("parameters", params);
        if (time != null) row.put("time", time); // absent for a potential fixed in time (the JSON contract stays)
        row.put("coordinate", symbolic.coordinate());
        row.put("psi", Printer.print(symbolic.psi()));
        row.put("grad", Printer.print(symbolic.grad()));
        row.put("hessian", Printer.print(symbolic.hessian()));
        row.put("inverseVariable", symbolic.dualVariable());
        // a numeric inverse has no formula: JSON gets null, the text says how it is computed
        row.put("inverse", symbolic.inverse().expr() == null ? null : Printer.print(symbolic.inverse().expr()));
        row.put("inverseKind", symbolic.inverse().kind().label());
        row.put("bregmanVariables", List.of(symbolic.coordinate(), symbolic.secondVariable()));
        row.put("bregman", Printer.print(symbolic.bregman()));
        row.put("domain", interval(bound.domain()));
        RealInterval dual = bound.dualDomain();
        row.put("dualDomain", dual == null ? null : interval(dual));
        return row;
    }

    /** A non-separable potential: its formulas in S = Σ_j g(w_j) ({@link CompositeDerivation#formulas}). */
    static Map<String, Object> describeComposite(Loader.Potential p) {
        CompositeDerivation symbolic, bound;
        try {
            symbolic = CompositeDerivation.derive(p.spec());
            bound = symbolic.bind(Map.of());
        } catch (SymbolicException e) {
            throw new Main.UserError(p.location() + ": error: " + p.name() + ": " + e.getMessage(), Main.INPUT_ERROR, true);
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", p.name());
        row.put("file", p.file().toString());
        row.put("line", p.line());
        row.put("parameters", bound.parameterValues());
        row.put("coordinate", p.spec().coordinate());
        row.put("separable", false);
        row.putAll(symbolic.formulas());
        row.put("inverseKind", bound.inverseIsClosedForm() ? "closed-form" : "numeric");
        row.put("atTheDefaults", bound.formulas());
        row.put("domain", interval(bound.domain()));
        RealInterval dual = bound.dualDomain();
        row.put("dualDomain", dual == null ? null : interval(dual));
        return row;
    }

    private static void printComposite(PrintWriter out, Loader.Potential p, Map<String, Object> row) {
        @SuppressWarnings("unchecked")
        Map<String, Double> params = (Map<String, Double>) row.get("parameters");
        StringBuilder head = new StringBuilder();
        params.forEach((k, v) -> head.append(head.length() == 0 ? "(" : ", ").append(k).append(" = ").append(Printer.number(v)));
        out.println("potential " + p.name() + (head.length() == 0 ? "" : head + ")") + "    [" + p.location() + "]    non-separable");
        @SuppressWarnings("unchecked")
        Map<String, String> at = (Map<String, String>) row.get("atTheDefaults");
        String w = (String) row.get("coordinate");
        line(out, 14, "reduction", at.get("sum"));
        line(out, 14, "psi(" + w + ")", at.get("psi"));
        line(out, 14, "grad(" + w + ")_j", at.get("grad"));
        line(out, 14, "hessian", at.get("hessian"));
        line(out, 14, "inverse", at.get("inverse") + "    [" + row.get("inverseKind") + "]");
        line(out, 14, "bregman", at.get("bregman"));
        line(out, 14, "domain", row.get("domain") + " per coordinate");
        line(out, 14, "dual domain", (row.get("dualDomain") == null ? "not derived" : row.get("dualDomain")) + " per coordinate");
        out.println();
    }

    private static String interval(RealInterval i) {
        return i.toString();
    }

    private static void print(PrintWriter out, Loader.Potential p, Map<String, Object> row) {
        String time = (String) row.get("time");
        String w = row.get("coordinate") + (time == null ? "" : "; " + time);
        @SuppressWarnings("unchecked")
        List<String> bv = (List<String>) row.get("bregmanVariables");
        @SuppressWarnings("unchecked")
        Map<String, Double> params = (Map<String, Double>) row.get("parameters");
        StringBuilder head = new StringBuilder("potential ").append(p.name());
        if (!params.isEmpty()) {
            head.append('(');
            params.forEach((k, v) -> head.append(head.charAt(head.length() - 1) == '(' ? "" : ", ")
                    .append(k).append(" = ").append(Printer.number(v)));
            head.append(')');
        }
        if (time != null) head.append("    time-varying in ").append(time).append(" ≥ 0");
        out.println(head + "    [" + p.location() + "]");
        String inv = "inverse(" + row.get("inverseVariable") + (time == null ? "" : "; " + time) + ")";
        String bregman = "bregman(" + bv.get(0) + ", " + bv.get(1) + (time == null ? "" : "; " + time) + ")";
        int width = Math.max(bregman.length(), inv.length());
        line(out, width, "psi(" + w + ")", row.get("psi"));
        line(out, width, "grad(" + w + ")", row.get("grad"));
        line(out, width, "hessian(" + w + ")", row.get("hessian"));
        Object inverse = row.get("inverse");
        line(out, width, inv, inverse != null ? inverse + "    [closed-form]"
                : "the w with grad(w) = " + row.get("inverseVariable") + "    [numeric: safeguarded Newton-bisection]");
        line(out, width, bregman, row.get("bregman"));
        String at = params.isEmpty() && time == null ? "" : "    [at the defaults" + (time == null ? "" : ", " + time + " = 0") + "]";
        line(out, width, "domain", row.get("domain"));
        Object dual = row.get("dualDomain");
        line(out, width, "dual domain", (dual == null ? "not derived" : dual) + at);
        if (time != null) {
            line(out, width, "time", time + " = the sum of the steps' learning rates (η·k at a fixed rate η); checks hold for every " + time + " ≥ 0");
        }
        out.println();
    }

    private static void line(PrintWriter out, int width, String label, Object value) {
        out.printf("  %-" + width + "s = %s%n", label, value);
    }
}
