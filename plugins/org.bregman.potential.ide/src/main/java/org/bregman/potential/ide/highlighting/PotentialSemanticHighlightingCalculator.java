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
			if (o instanceof Model)
				mark(o, Literals.MODEL__NAME, PotentialHighlightingStyles.IDENTIFIER, acceptor);
			else if (o instanceof PotentialDef)
				mark(o, Literals.ELEMENT__NAME, PotentialHighlightingStyles.POTENTIAL, acceptor);
			else if (o instanceof Experiment)
				mark(o, Literals.ELEMENT__NAME, PotentialHighlightingStyles.EXPERIMENT, acceptor);
			else if (o instanceof Parameter)
				mark(o, Literals.SYMBOL__NAME, PotentialHighlightingStyles.PARAMETER, acceptor);
			else if (o instanceof Coordinate)
				mark(o, Literals.SYMBOL__NAME, PotentialHighlightingStyles.COORDINATE, acceptor);
			else if (o instanceof SymbolRef ref) {
				Symbol s = ref.getSymbol();
				if (s != null && !s.eIsProxy())
					mark(o, Literals.SYMBOL_REF__SYMBOL, s instanceof Parameter ? PotentialHighlightingStyles.PARAMETER
							: PotentialHighlightingStyles.COORDINATE, acceptor);
			} else if (o instanceof Call)
				mark(o, Literals.CALL__FUNCTION, PotentialHighlightingStyles.FUNCTION, acceptor);
			else if (o instanceof Constant)
				mark(o, Literals.CONSTANT__NAME, PotentialHighlightingStyles.CONSTANT, acceptor);
			else if (o instanceof ArgOverride)
				mark(o, Literals.ARG_OVERRIDE__PARAMETER, PotentialHighlightingStyles.PARAMETER, acceptor);
			else if (o instanceof MirrorUse)
				mark(o, Literals.MIRROR_USE__POTENTIAL, PotentialHighlightingStyles.POTENTIAL, acceptor);
			else if (o instanceof Spec)
				mark(o, Literals.SPEC__NAME, PotentialHighlightingStyles.BUILTIN, acceptor);
			else if (o instanceof ReportItem)
				mark(o, Literals.REPORT_ITEM__NAME, PotentialHighlightingStyles.BUILTIN, acceptor);
			else if (o instanceof StopCompare)
				mark(o, Literals.STOP_COMPARE__METRIC, PotentialHighlightingStyles.BUILTIN, acceptor);
		}
	}

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
