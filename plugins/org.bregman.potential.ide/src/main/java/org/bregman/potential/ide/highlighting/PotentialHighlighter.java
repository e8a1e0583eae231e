package org.bregman.potential.ide.highlighting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.eclipse.xtext.parser.antlr.ITokenDefProvider;
import org.eclipse.xtext.parser.antlr.Lexer;
import org.eclipse.xtext.parser.antlr.LexerBindings;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.name.Named;

/**
 * The complete highlighting of a document as non-overlapping, sorted ranges: lexical styles from the
 * language's own lexer (so it works on text that does not parse), overlaid with the semantic styles of
 * {@link PotentialSemanticHighlightingCalculator} where a parsed resource is at hand.
 */
public class PotentialHighlighter {

	/** A highlighted range of the text. */
	public record Range(int offset, int length, String style) {
	}

	@Inject
	@Named(LexerBindings.RUNTIME)
	private Provider<Lexer> lexerProvider;

	@Inject
	private ITokenDefProvider tokenDefProvider;

	@Inject
	private PotentialSemanticHighlightingCalculator semantic;

	/** Lexical styles only: keywords, numbers, strings, comments. */
	public List<Range> lexical(String text) {
		List<Range> out = new ArrayList<>();
		Map<Integer, String> defs = tokenDefProvider.getTokenDefMap();
		Lexer lexer = lexerProvider.get();
		lexer.setCharStream(new ANTLRStringStream(text));
		while (true) {
			Token t = lexer.nextToken();
			if (t == null || t.getType() == Token.EOF)
				break;
			String style = styleOf(defs.get(t.getType()));
			if (style == null || !(t instanceof CommonToken ct))
				continue;
			int start = ct.getStartIndex();
			int length = ct.getStopIndex() - start + 1;
			if (length > 0)
				out.add(new Range(start, length, style));
		}
		return out;
	}

	static String styleOf(String tokenDef) {
		if (tokenDef == null)
			return null;
		if (tokenDef.startsWith("'")) {
			// keywords made of letters; operators and punctuation stay plain
			return Character.isLetter(tokenDef.charAt(1)) ? PotentialHighlightingStyles.KEYWORD : null;
		}
		return switch (tokenDef) {
		case "RULE_NUMBER" -> PotentialHighlightingStyles.NUMBER;
		case "RULE_STRING" -> PotentialHighlightingStyles.STRING;
		case "RULE_ML_COMMENT", "RULE_SL_COMMENT" -> PotentialHighlightingStyles.COMMENT;
		default -> null;
		};
	}

	/** Lexical and (if {@code resource} is not null) semantic styles, merged; semantic styles win. */
	public List<Range> highlight(String text, XtextResource resource, CancelIndicator cancel) {
		List<Range> sem = new ArrayList<>();
		if (resource != null)
			semantic.provideHighlightingFor(resource, (offset, length, ids) -> {
				if (ids.length > 0)
					sem.add(new Range(offset, length, ids[ids.length - 1]));
			}, cancel);
		return merge(text, lexical(text), sem);
	}

	/**
	 * Non-overlapping sorted ranges of {@code text}: the lexical styles, overlaid by the semantic ones
	 * (ranges outside the text are ignored).
	 */
	public static List<Range> merge(String text, List<Range> lexical, List<Range> semantic) {
		String[] styleAt = new String[text.length()];
		for (Range r : lexical)
			Arrays.fill(styleAt, r.offset(), Math.min(text.length(), r.offset() + r.length()), r.style());
		for (Range r : semantic)
			if (r.offset() >= 0 && r.offset() + r.length() <= text.length())
				Arrays.fill(styleAt, r.offset(), r.offset() + r.length(), r.style());
		List<Range> out = new ArrayList<>();
		int i = 0;
		while (i < styleAt.length) {
			String s = styleAt[i];
			int j = i + 1;
			while (j < styleAt.length && styleAt[j] == s)
				j++;
			if (s != null)
				out.add(new Range(i, j - i, s));
			i = j;
		}
		return out;
	}
}
