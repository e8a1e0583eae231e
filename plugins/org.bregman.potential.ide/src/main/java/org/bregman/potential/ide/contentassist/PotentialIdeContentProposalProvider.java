package org.bregman.potential.ide.contentassist;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.bregman.potential.experiment.Vocabulary;
import org.bregman.potential.potential.Abs;
import org.bregman.potential.potential.Call;
import org.bregman.potential.potential.Definition;
import org.bregman.potential.potential.Domain;
import org.bregman.potential.potential.Element;
import org.bregman.potential.potential.Parameter;
import org.bregman.potential.translate.Reductions;
import org.bregman.symbolic.Func;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;

/**
 * Content assist beyond the grammar's keywords and cross references (potentials in scope, parameters,
 * the coordinate): the built-in functions inside expressions, and the built-in names of data sets,
 * models, losses, initialisations, update rules, reports and stopping metrics inside experiments, their arguments
 * ({@code SmoothedSign(eps = 0.1)}), the model's layers in {@code for layers "…"} and {@code per layer { … }}, the
 * coordinate and the time in {@code psi(w; t)}. Keywords are those
 * the grammar accepts at the caret, less the boolean operators where the expression is a number.
 */
public class PotentialIdeContentProposalProvider extends IdeContentProposalProvider {


	@Override
	protected void _createProposals(Assignment assignment, ContentAssistContext context,
			IIdeContentProposalAcceptor acceptor) {
		ParserRule rule = GrammarUtil.containingParserRule(assignment);
		String ruleName = rule == null ? "" : rule.getName();
		String feature = assignment.getFeature();
		if ("function".equals(feature)) {
			for (Func f : Func.values()) {
				String name = f.name().toLowerCase(Locale.ROOT);
				if (Func.byName(name) == f)
					propose(name, name + "(", "function of " + f.arity() + " argument" + (f.arity() == 1 ? "" : "s"),
							ContentAssistEntry.KIND_FUNCTION, context, acceptor);
			}
			for (var r : Reductions.DESCRIPTIONS.entrySet())
				propose(r.getKey(), r.getKey() + "(", r.getValue(), ContentAssistEntry.KIND_FUNCTION, context, acceptor);
			return;
		}
		if ("Spec".equals(ruleName) && "name".equals(feature)) {
			org.bregman.potential.experiment.Registry<Vocabulary.Entry> names = Vocabulary.ofSetting(settingKeyword(context));
			if (names == null)
				return;
			for (Vocabulary.Entry e : names.values())
				if (e.supported())
					propose(e.name(), e.name(), e.description(), ContentAssistEntry.KIND_VALUE, context, acceptor);
			return;
		}
		if ("Arg".equals(ruleName) || "Value".equals(ruleName)) {
			arguments(feature, context, acceptor);
			return;
		}
		if ("Coordinate".equals(ruleName) && "name".equals(feature)) {
			// psi(^ …): the coordinate; psi(w; ^): the time of a time-varying potential
			if (afterSemicolon(context))
				propose("t", "t", "the time of a time-varying psi(w; t): the sum of the learning rates of the steps taken",
						ContentAssistEntry.KIND_VARIABLE, context, acceptor);
			else
				propose("w", "w", "the coordinate: psi(w) is applied to every parameter w_j", ContentAssistEntry.KIND_VARIABLE, context,
						acceptor);
			return;
		}
		if (("MirrorUse".equals(ruleName) && "layers".equals(feature)) || ("LayerRate".equals(ruleName) && "layer".equals(feature))) {
			// for layers "…" / per layer { "…": rate }: the layers of the experiment's model
			var layers = org.bregman.potential.util.LayerwiseMirrors.modelLayers(experimentAt(context));
			if (layers != null)
				for (String l : layers)
					propose("\"" + l + "\"", "\"" + l + "\"", "a layer of this experiment's model", ContentAssistEntry.KIND_VALUE, context, acceptor);
			return;
		}
		if ("ReportItem".equals(ruleName) && "name".equals(feature)) {
			for (var r : Vocabulary.REPORTS.values())
				propose(r.name(), r.name(), r.description(), ContentAssistEntry.KIND_VALUE, context, acceptor);
			return;
		}
		if ("metric".equals(feature)) {
			for (String n : Vocabulary.METRICS)
				propose(n, n, Vocabulary.METRIC_DESCRIPTIONS.get(n), ContentAssistEntry.KIND_VALUE, context, acceptor);
			return;
		}
		super._createProposals(assignment, context, acceptor);
	}

	/**
	 * Inside {@code SmoothedSign(^)}: the arguments not written yet with their defaults; after {@code activation = ^}:
	 * its words. Never Xtext's placeholders ({@code value — ID}), which name the grammar, not the argument.
	 */
	private void arguments(String feature, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		String text = context.getRootNode() == null ? "" : context.getRootNode().getText();
		SpecArguments at = SpecArguments.at(text, context.getOffset() - context.getPrefix().length(),
				Vocabulary.ofSetting(settingKeyword(context)));
		if (at == null)
			return;
		if ("name".equals(feature) && at.valueOf() == null) {
			for (Vocabulary.Param p : at.missing())
				propose(SpecArguments.label(p), p.name() + " = ", SpecArguments.description(at.entry(), p), ContentAssistEntry.KIND_PROPERTY,
						context, acceptor);
		} else if ("value".equals(feature) && at.valueOf() != null && at.valueOf().kind() == Vocabulary.Kind.WORD) {
			for (String word : at.valueOf().words())
				propose(word, word, SpecArguments.description(at.entry(), at.valueOf()), ContentAssistEntry.KIND_VALUE, context, acceptor);
		}
	}

	/** Whether the token before the caret's word is {@code ;} (the time's place in {@code psi(w; t)}). */
	private static boolean afterSemicolon(ContentAssistContext context) {
		String text = context.getRootNode() == null ? "" : context.getRootNode().getText();
		int i = Math.min(context.getOffset() - context.getPrefix().length(), text.length()) - 1;
		while (i >= 0 && Character.isWhitespace(text.charAt(i)))
			i--;
		return i >= 0 && text.charAt(i) == ';';
	}

	@Override
	protected boolean filterKeyword(Keyword keyword, ContentAssistContext context) {
		// operators and brackets are no help as proposals; words are
		String v = keyword.getValue();
		if (BOOLEAN_OPERATORS.contains(v) && inNumericExpression(context.getCurrentModel(), context.getOffset()))
			return false;
		return !v.isEmpty() && Character.isLetter(v.charAt(0)) && super.filterKeyword(keyword, context);
	}

	/** The grammar's operators of conditions, which it accepts in any expression (the validator does not). */
	private static final Set<String> BOOLEAN_OPERATORS = Set.of("and", "or", "not");

	/**
	 * Whether the caret is in an expression whose value is a number, where no condition can start: a
	 * {@code psi}/{@code grad}/{@code inverse} body, a function's argument or an absolute value (rather
	 * than a {@code domain} or a parameter's {@code where}).
	 */
	static boolean inNumericExpression(EObject model, int offset) {
		for (EObject o = model; o != null; o = o.eContainer()) {
			if (o instanceof Definition)
				return true;
			if ((o instanceof Call || o instanceof Abs) && inside(o, offset))
				return true;
			if (o instanceof Domain || o instanceof Parameter || o instanceof Element)
				return false;
		}
		return false;
	}

	/** Whether {@code offset} is before the end of {@code o}'s text (so inside its brackets, not after them). */
	private static boolean inside(EObject o, int offset) {
		INode node = NodeModelUtils.getNode(o);
		return node != null && offset < node.getEndOffset();
	}

	private void propose(String name, String text, String description, String kind, ContentAssistContext context,
			IIdeContentProposalAcceptor acceptor) {
		ContentAssistEntry entry = getProposalCreator().createProposal(text, context, kind, e -> {
			e.setLabel(name);
			e.setDescription(description);
		});
		if (entry != null)
			acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry));
	}

	/** The experiment around the caret: a container of the current model or, while the text does not parse, the last one that starts before the caret. */
	private static EObject experimentAt(ContentAssistContext context) {
		for (EObject o = context.getCurrentModel(); o != null; o = o.eContainer())
			if (o instanceof org.bregman.potential.potential.Experiment)
				return o;
		EObject root = context.getRootModel();
		if (root == null)
			return null;
		EObject last = null;
		for (EObject e : root.eContents()) {
			INode node = NodeModelUtils.getNode(e);
			if (e instanceof org.bregman.potential.potential.Experiment && node != null && node.getOffset() <= context.getOffset())
				last = e;
		}
		return last;
	}

	/** The setting keyword (data, model, loss, init …) that starts the line being completed. */
	static String settingKeyword(ContentAssistContext context) {
		String text = context.getRootNode() == null ? "" : context.getRootNode().getText();
		int end = Math.min(context.getOffset(), text.length());
		int lineStart = text.lastIndexOf('\n', end - 1) + 1;
		String line = text.substring(lineStart, end).strip();
		int i = 0;
		while (i < line.length() && Character.isLetter(line.charAt(i)))
			i++;
		return line.substring(0, i);
	}
}
