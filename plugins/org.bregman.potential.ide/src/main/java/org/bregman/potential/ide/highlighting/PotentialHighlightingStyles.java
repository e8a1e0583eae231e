package org.bregman.potential.ide.highlighting;

import java.util.List;

/**
 * Style ids of the Potential language's highlighting, shared by the Eclipse editor (which maps them to
 * colours) and any other client of {@link PotentialHighlighter}.
 */
public final class PotentialHighlightingStyles {
	private PotentialHighlightingStyles() {
	}

	// lexical
	public static final String KEYWORD = "keyword";
	public static final String NUMBER = "number";
	public static final String STRING = "string";
	public static final String COMMENT = "comment";
	// semantic
	public static final String DOC_COMMENT = "docComment";
	public static final String FUNCTION = "function";
	public static final String PARAMETER = "parameter";
	public static final String COORDINATE = "coordinate";
	public static final String POTENTIAL = "potential";
	public static final String EXPERIMENT = "experiment";
	public static final String CONSTANT = "constant";
	/** built-in names of data sets, models, losses, distributions, reports and metrics */
	public static final String BUILTIN = "builtin";
	/** a word that is a keyword elsewhere used as a name (package examples.seeds): shown as plain text */
	public static final String IDENTIFIER = "identifier";

	public static final List<String> ALL = List.of(KEYWORD, NUMBER, STRING, COMMENT, DOC_COMMENT, FUNCTION, PARAMETER,
			COORDINATE, POTENTIAL, EXPERIMENT, CONSTANT, BUILTIN, IDENTIFIER);
}
