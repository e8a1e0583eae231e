package org.bregman.potential

import org.bregman.potential.conversion.PotentialValueConverters
import org.bregman.potential.linking.PotentialLinkingDiagnostics
import org.eclipse.xtext.conversion.IValueConverterService
import org.eclipse.xtext.linking.ILinkingDiagnosticMessageProvider
import org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider
import org.bregman.potential.parser.PotentialSyntaxErrors
import org.bregman.potential.resource.PotentialDescriptionStrategy
import org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy

/**
 * Guice bindings of the language: numbers, messages for unknown names and syntax errors, what the index exports.
 * Scoping ({@link org.bregman.potential.scoping.PotentialScopeProvider}) and validation are bound by
 * the generated module.
 */
class PotentialRuntimeModule extends AbstractPotentialRuntimeModule {

	override Class<? extends IValueConverterService> bindIValueConverterService() {
		PotentialValueConverters
	}

	def Class<? extends ILinkingDiagnosticMessageProvider> bindILinkingDiagnosticMessageProvider() {
		PotentialLinkingDiagnostics
	}

	def Class<? extends ISyntaxErrorMessageProvider> bindISyntaxErrorMessageProvider() {
		PotentialSyntaxErrors
	}

	def Class<? extends IDefaultResourceDescriptionStrategy> bindIDefaultResourceDescriptionStrategy() {
		PotentialDescriptionStrategy
	}
}
