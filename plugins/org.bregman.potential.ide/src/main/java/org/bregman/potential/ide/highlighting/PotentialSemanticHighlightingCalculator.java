package org.bregman.potential.ide.highlighting;

import java.util.List;

import org.bregman.potential.potential.ArgOverride;
import org.bregman.potential.potential.Call;
import org.bregman.potential.potential.Constant;
import org.bregman.potential.potential.Coordinate;
import org.bregman.potential.potential.Experiment;
import org.bregman.potential.potential.MirrorUse;
import org.bregman.potential.potential.Model;
import org.bregman.potential.potential.Parameter;
import org.bregman.potential.potential.PotentialDef;
import org.bregman.potential.potential.PotentialPackage.Literals;
import org.bregman.potential.potential.ReportItem;
import org.bregman.potential.potential.Spec;
import org.bregman.potential.potential.StopCompare;
import org.bregman.potential.potential.Symbol;
import org.bregman.potential.potential.SymbolRef;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Semantic highlighting: what the lexer cannot tell apart (every name is an ID token). Potential and
 * experiment names, parameters, the coordinate variable (at the definition and at each use, by what the
 * reference resolves to), function names, the constants and doc comments.
 */
public class PotentialSemanticHighlightingCalculator implements ISemanticHighlightingCalculator {

	@Override
	public void provideHighlightingFor(XtextResource resource, IHighlightedPositionAcceptor acceptor,
			CancelIndicator cancel) {
		if (resource == null || resource.getParseResult() == null)
			return;
		ICompositeNode root = resource.getParseResult().getRootNode();
		for (ILeafNode leaf : root.getLeafNodes()) {
			if (leaf.isHidden() && leaf.getText().startsWith("/**") && leaf.getText().length() > 4)
				acceptor.addPosition(leaf.getOffset(), leaf.getLength(), PotentialHighlightingStyles.DOC_COMMENT);
		}
		TreeIterator<EObject> it = EcoreUtil.getAllProperContents(resource, false);
		int n = 0;
		while (it.hasNext()) {
			if ((++n & 255) == 0 && cancel != null && cancel.isCanceled())
				return;
			EObject o = it.next();
			if (o instanceof SymbolRef ref) {
				Symbol s = ref.getSymbol();
				if (s != null && !s.eIsProxy())
					mark(o, Literals.SYMBOL_REF__SYMBOL, s instanceof Parameter ? PotentialHighlightingStyles.PARAMETER
							: PotentialHighlightingStyles.COORDINATE, acceptor);
				continue;
			}
			for (Named named : NAMED) {
				if (named.type().isInstance(o)) {
					mark(o, named.feature(), named.style(), acceptor);
					break;
				}
			}
		}
	}

	/** A kind of element whose {@code feature} (its name, or the name it refers to) is highlighted in {@code style}. */
	private record Named(Class<? extends EObject> type, EStructuralFeature feature, String style) {
	}

	/** The first type that matches wins (a Parameter and a Coordinate are both symbols). */
	private static final List<Named> NAMED = List.of(
			new Named(Model.class, Literals.MODEL__NAME, PotentialHighlightingStyles.IDENTIFIER),
			new Named(PotentialDef.class, Literals.ELEMENT__NAME, PotentialHighlightingStyles.POTENTIAL),
			new Named(Experiment.class, Literals.ELEMENT__NAME, PotentialHighlightingStyles.EXPERIMENT),
			new Named(Parameter.class, Literals.SYMBOL__NAME, PotentialHighlightingStyles.PARAMETER),
			new Named(Coordinate.class, Literals.SYMBOL__NAME, PotentialHighlightingStyles.COORDINATE),
			new Named(Call.class, Literals.CALL__FUNCTION, PotentialHighlightingStyles.FUNCTION),
			new Named(Constant.class, Literals.CONSTANT__NAME, PotentialHighlightingStyles.CONSTANT),
			new Named(ArgOverride.class, Literals.ARG_OVERRIDE__PARAMETER, PotentialHighlightingStyles.PARAMETER),
			new Named(MirrorUse.class, Literals.MIRROR_USE__POTENTIAL, PotentialHighlightingStyles.POTENTIAL),
			new Named(Spec.class, Literals.SPEC__NAME, PotentialHighlightingStyles.BUILTIN),
			new Named(ReportItem.class, Literals.REPORT_ITEM__NAME, PotentialHighlightingStyles.BUILTIN),
			new Named(StopCompare.class, Literals.STOP_COMPARE__METRIC, PotentialHighlightingStyles.BUILTIN));

	private static void mark(EObject o, EStructuralFeature feature, String style, IHighlightedPositionAcceptor acceptor) {
		List<INode> nodes = NodeModelUtils.findNodesForFeature(o, feature);
		for (INode node : nodes) {
			// the node of a name may carry hidden tokens (comments, blanks) in front of it: skip them
			int offset = node.getOffset();
			int length = node.getLength();
			if (length > 0)
				acceptor.addPosition(offset, length, style);
		}
	}
}
