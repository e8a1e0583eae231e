package org.bregman.potential.ide.server;

import java.util.List;

import org.bregman.potential.ide.highlighting.PotentialHighlightingStyles;
import org.eclipse.xtext.ide.server.semantictokens.SemanticTokensService;

import com.google.inject.Singleton;

/**
 * LSP semantic tokens from the language's semantic highlighting calculator: Xtext maps a style to the
 * token type of the same name, so the styles that LSP does not define ({@code potential},
 * {@code experiment}, {@code coordinate}, {@code constant}, {@code builtin}) are added to the legend
 * (the VS Code extension declares them, each with a standard super type).
 */
@Singleton
public class PotentialSemanticTokensService extends SemanticTokensService {

	/** The styles that are not standard LSP token types. */
	public static final List<String> EXTRA_TYPES = List.of(PotentialHighlightingStyles.POTENTIAL,
			PotentialHighlightingStyles.EXPERIMENT, PotentialHighlightingStyles.COORDINATE,
			PotentialHighlightingStyles.CONSTANT, PotentialHighlightingStyles.BUILTIN);

	public PotentialSemanticTokensService() {
	}

	@Override
	protected void addTokenTypes() {
		super.addTokenTypes();
		for (String t : EXTRA_TYPES)
			if (!getTokenTypes().contains(t))
				getTokenTypes().add(t);
	}
}
