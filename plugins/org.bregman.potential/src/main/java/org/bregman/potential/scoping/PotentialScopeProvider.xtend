package org.bregman.potential.scoping

import java.util.ArrayList
import java.util.List
import org.bregman.potential.potential.ArgOverride
import org.bregman.potential.potential.Definition
import org.bregman.potential.potential.Domain
import org.bregman.potential.potential.MirrorUse
import org.bregman.potential.potential.PotentialDef
import org.bregman.potential.potential.PotentialPackage
import org.bregman.potential.potential.Symbol
import org.bregman.potential.util.PotentialModels
import org.eclipse.emf.ecore.EObject
import org.eclipse.emf.ecore.EReference
import org.eclipse.xtext.EcoreUtil2
import org.eclipse.xtext.scoping.IScope
import org.eclipse.xtext.scoping.Scopes

/**
 * The language's own scoping; nothing goes through the global index, so a parameter never leaks out
 * of its potential (no `QNorm.q` anywhere).
 * <ul>
 * <li>a name in an expression: the parameters of the enclosing potential, plus the coordinate of the
 *     enclosing definition (`psi(w)`, `grad(x)`, `inverse(z)`), or, in `domain`, the coordinate of psi;
 *     a `where` constraint sees only the parameters;</li>
 * <li>a mirror (`QNorm(q = 10)`): the potentials of this file, then those of imported files, by simple name;</li>
 * <li>an argument name at a use site: the parameters of that potential.</li>
 * </ul>
 */
class PotentialScopeProvider extends AbstractPotentialScopeProvider {

	override getScope(EObject context, EReference reference) {
		switch reference {
			case PotentialPackage.Literals.SYMBOL_REF__SYMBOL: symbolScope(context)
			case PotentialPackage.Literals.MIRROR_USE__POTENTIAL: potentialScope(context)
			case PotentialPackage.Literals.ARG_OVERRIDE__PARAMETER: argumentScope(context)
			default: IScope.NULLSCOPE
		}
	}

	def IScope symbolScope(EObject context) {
		val potential = EcoreUtil2.getContainerOfType(context, PotentialDef)
		if (potential === null) return IScope.NULLSCOPE
		val List<Symbol> symbols = new ArrayList
		val definition = EcoreUtil2.getContainerOfType(context, Definition)
		if (definition !== null) {
			if (definition.coordinate !== null) symbols.add(definition.coordinate)
			symbols.addAll(definition.extra)
		} else if (EcoreUtil2.getContainerOfType(context, Domain) !== null) {
			val c = PotentialModels.coordinate(potential)
			if (c !== null) symbols.add(c)
		}
		symbols.addAll(potential.params)
		Scopes.scopeFor(symbols)
	}

	def IScope potentialScope(EObject context) {
		val model = PotentialModels.modelOf(context)
		if (model === null) return IScope.NULLSCOPE
		// own potentials shadow imported ones of the same name
		Scopes.scopeFor(PotentialModels.potentials(model), Scopes.scopeFor(PotentialModels.importedPotentials(model)))
	}

	def IScope argumentScope(EObject context) {
		val use = EcoreUtil2.getContainerOfType(context, MirrorUse)
		if (use === null) return IScope.NULLSCOPE
		// resolving the potential here is what makes `QNorm(q = 10)` find QNorm's q
		val p = use.eGet(PotentialPackage.Literals.MIRROR_USE__POTENTIAL, true) as PotentialDef
		if (p === null || p.eIsProxy) return IScope.NULLSCOPE
		Scopes.scopeFor(p.params)
	}
}
