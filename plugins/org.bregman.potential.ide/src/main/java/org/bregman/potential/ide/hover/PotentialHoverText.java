package org.bregman.potential.ide.hover;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bregman.potential.experiment.Vocabulary;
import org.bregman.potential.potential.ArgOverride;
import org.bregman.potential.potential.MirrorUse;
import org.bregman.potential.potential.PotentialDef;
import org.bregman.potential.potential.Setting;
import org.bregman.potential.potential.Spec;
import org.bregman.potential.translate.PotentialTranslator;
import org.bregman.potential.translate.Reductions;
import org.bregman.symbolic.CompositeDerivation;
import org.bregman.symbolic.Derivation;
import org.bregman.symbolic.Printer;
import org.bregman.symbolic.RealInterval;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.resource.XtextResource;

/**
 * Hover text of a potential, from the symbolic engine: ψ, ∇ψ, (∇ψ)⁻¹ (closed form or numeric), D_ψ,
 * domain and dual domain. Over a use site ({@code QNorm(q = 10)} in {@code mirrors}) the arguments are
 * substituted; over the definition the parameters stay symbolic. Over a data source, model, loss,
 * initialisation, update rule or report item: its signature and description from the vocabulary; over
 * {@code sum}/{@code norm} in an expression: what the reduction is.
 */
public final class PotentialHoverText {
	private PotentialHoverText() {
	}

	/** The hover text for the name at {@code offset}, or null if no potential is named there. */
	public static String at(XtextResource resource, int offset) {
		IParseResult pr = resource == null ? null : resource.getParseResult();
		if (pr == null || pr.getRootNode() == null)
			return null;
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(pr.getRootNode(), offset);
		if (leaf == null || leaf.isHidden())
			return null;
		EObject o = NodeModelUtils.findActualSemanticObjectFor(leaf);
		if (o instanceof ArgOverride a && a.eContainer() instanceof MirrorUse m)
			o = m;
		if (o instanceof MirrorUse use) {
			PotentialDef p = use.getPotential();
			if (p == null || p.eIsProxy() || !leaf.getText().equals(p.getName()))
				return null;
			Map<String, Double> args = new LinkedHashMap<>();
			for (ArgOverride a : use.getArgs())
				if (a.getParameter() != null && !a.getParameter().eIsProxy())
					args.put(a.getParameter().getName(), a.getValue());
			return of(p, args, true);
		}
		if (o instanceof PotentialDef p && leaf.getText().equals(p.getName()))
			return of(p, Map.of(), false);
		if (o instanceof org.bregman.potential.potential.Call c && leaf.getText().equals(c.getFunction()) && Reductions.isReduction(leaf.getText()))
			return Reductions.DESCRIPTIONS.get(leaf.getText());
		return vocabulary(o, leaf.getText());
	}

	/** Over a data source, model, loss, initialisation, update rule or report item: its description from the vocabulary. */
	static String vocabulary(EObject o, String word) {
		if (o instanceof org.bregman.potential.potential.ReportItem item && word.equals(item.getName())) {
			var r = Vocabulary.REPORTS.get(word);
			return r == null ? null : "report " + r.name() + "\n" + r.description();
		}
		if (o instanceof Spec spec && word.equals(spec.getName()) && spec.eContainer() instanceof Setting s) {
			var registry = Vocabulary.ofSetting(org.bregman.potential.validation.ExperimentChecks.keyword(s));
			Vocabulary.Entry e = registry == null ? null : registry.get(word);
			return e == null ? null : e.signature() + "\n" + e.description() + (e.supported() ? "" : " (not yet supported)");
		}
		return null;
	}

	/** The hover text of a potential; {@code bind}: substitute {@code args} (and defaults) for the parameters. */
	public static String of(PotentialDef p, Map<String, Double> args, boolean bind) {
		StringBuilder sb = new StringBuilder();
		sb.append(p.getName());
		if (!args.isEmpty()) {
			sb.append('(');
			String sep = "";
			for (Map.Entry<String, Double> e : args.entrySet()) {
				sb.append(sep).append(e.getKey()).append(" = ").append(Printer.number(e.getValue()));
				sep = ", ";
			}
			sb.append(')');
		}
		sb.append('\n');
		if (org.bregman.potential.validation.ExpressionLimits.exceeded(p)) {
			// the validator reports it; the symbolic engine never sees an expression over the language's limits
			return sb.append("cannot be derived: an expression is over the language's limits").toString();
		}
		PotentialTranslator.Result r;
		try {
			r = PotentialTranslator.translate(p);
		} catch (RuntimeException e) {
			return sb.append("cannot be derived: ").append(e.getMessage()).toString();
		}
		if (r.spec() == null) {
			sb.append("cannot be derived");
			if (!r.problems().isEmpty())
				sb.append(": ").append(String.join("; ", r.problems()));
			return sb.toString();
		}
		if (r.spec().isComposite())
			return composite(sb, r.spec(), args, bind);
		try {
			// a time-varying psi(w; t) keeps t symbolic: its hover shows the potential at every time
			String time = r.spec().time();
			Derivation d = time != null ? Derivation.derive(bind ? r.spec().boundExceptTime(args) : r.spec())
					: bind ? Derivation.derive(r.spec(), args) : Derivation.derive(r.spec());
			String w = time == null ? d.coordinate() : d.coordinate() + "; " + time;
			String z = d.dualVariable();
			String v = d.secondVariable();
			line(sb, "ψ(" + w + ")", Printer.print(d.psi()));
			line(sb, "∇ψ(" + w + ")", Printer.print(d.grad()));
			line(sb, "ψ''(" + w + ")", Printer.print(d.hessian()));
			Derivation.Inverse inv = d.inverse();
			if (inv == null)
				line(sb, "(∇ψ)⁻¹(" + z + ")", "none");
			else
				line(sb, "(∇ψ)⁻¹(" + z + ")", (inv.expr() == null ? "Newton–bisection on ∇ψ" : Printer.print(inv.expr()))
						+ "   [" + inv.kind().label() + "]");
			line(sb, "D_ψ(" + w + ", " + v + ")", Printer.print(d.bregman()));
			line(sb, "domain", interval(d.domain(), d.coordinate()));
			line(sb, "dual domain", interval(d.dualDomain(), z) + (time == null ? "" : "   [at " + time + " = 0]"));
			if (time != null)
				line(sb, "time", time + " ≥ 0, the sum of the learning rates of the steps taken (η·k at a fixed rate η); "
						+ "convexity and domains are checked for every " + time + " ≥ 0");
		} catch (RuntimeException e) {
			sb.append("cannot be derived: ").append(e.getMessage());
		}
		return sb.toString().stripTrailing();
	}

	/** A non-separable potential: its formulas in S = Σ_j g(w_j) (the same text as {@code bregman derive}). */
	private static String composite(StringBuilder sb, org.bregman.symbolic.PotentialSpec spec, Map<String, Double> args, boolean bind) {
		try {
			CompositeDerivation d = bind ? CompositeDerivation.derive(spec, args) : CompositeDerivation.derive(spec);
			CompositeDerivation values = bind ? d : d.bind(Map.of());
			String w = spec.coordinate();
			Map<String, String> f = d.formulas();
			sb.append("non-separable: Ψ(").append(w).append(") = F(S) over the whole parameter vector\n");
			line(sb, "S", f.get("sum").substring("S = ".length()));
			line(sb, "Ψ(" + w + ")", f.get("psi"));
			line(sb, "∇Ψ(" + w + ")_j", f.get("grad"));
			line(sb, "∇²Ψ(" + w + ")", f.get("hessian"));
			line(sb, "(∇Ψ)⁻¹(z)", f.get("inverse") + "   [" + (values.inverseIsClosedForm() ? "closed-form" : "numeric") + "]");
			line(sb, "D_Ψ(" + w + ", v)", f.get("bregman"));
			line(sb, "domain", interval(d.domain(), w) + " per coordinate");
			line(sb, "dual domain", interval(values.dualDomain(), "z") + " per coordinate");
		} catch (RuntimeException e) {
			sb.append("cannot be derived: ").append(e.getMessage());
		}
		return sb.toString().stripTrailing();
	}

	private static void line(StringBuilder sb, String label, String value) {
		sb.append(label).append(" = ").append(value).append('\n');
	}

	private static String interval(RealInterval i, String var) {
		if (i == null)
			return "unknown";
		if (i.isAllReals())
			return "all reals";
		return i.asConstraint(var) + "   " + i;
	}
}
