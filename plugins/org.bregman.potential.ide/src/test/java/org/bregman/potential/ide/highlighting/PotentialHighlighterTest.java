package org.bregman.potential.ide.highlighting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bregman.potential.ide.PotentialIdeSetup;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.inject.Injector;

/** The merged highlighting (lexer + semantic calculator) the editors show, without a workbench. */
class PotentialHighlighterTest {
	private static Injector injector;

	@BeforeAll
	static void setUp() {
		injector = new PotentialIdeSetup().createInjectorAndDoEMFRegistration();
	}

	static final String SOURCE = """
			package examples.seeds
			/** Doc. */
			potential QNorm(q = 3 where q > 1) {
			    psi(w) = |w|^q / q + exp(w) // comment
			}
			experiment E {
			    data    regression(n = 4, d = 8, seed = 1)
			    model   linear
			    loss    squared
			    mirrors QNorm
			    init    normal(std = 0.1) seeds 1 .. 2
			    lr      0.1
			    until   loss < 1e-8 or epochs >= 10
			}
			""";

	private static List<PotentialHighlighter.Range> highlight(String text) throws Exception {
		XtextResourceSet rs = injector.getInstance(XtextResourceSet.class);
		XtextResource r = (XtextResource) injector.getInstance(IResourceFactory.class)
				.createResource(URI.createURI("inmemory:/h.potential"));
		rs.getResources().add(r);
		r.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), rs.getLoadOptions());
		return injector.getInstance(PotentialHighlighter.class).highlight(text, r, CancelIndicator.NullImpl);
	}

	/** The style at the start of the k-th occurrence of {@code needle}, null for plain text. */
	private static String styleAt(List<PotentialHighlighter.Range> ranges, String needle, int k) {
		int at = -1;
		for (int i = 0; i <= k; i++)
			at = SOURCE.indexOf(needle, at + 1);
		if (at < 0)
			throw new AssertionError("no occurrence " + k + " of " + needle);
		for (PotentialHighlighter.Range r : ranges)
			if (r.offset() <= at && at < r.offset() + r.length())
				return r.style();
		return null;
	}

	@Test
	void eachTokenKindHasItsStyle() throws Exception {
		List<PotentialHighlighter.Range> h = highlight(SOURCE);
		assertEquals(PotentialHighlightingStyles.KEYWORD, styleAt(h, "package", 0));
		assertEquals(PotentialHighlightingStyles.DOC_COMMENT, styleAt(h, "/** Doc", 0));
		assertEquals(PotentialHighlightingStyles.COMMENT, styleAt(h, "// comment", 0));
		assertEquals(PotentialHighlightingStyles.POTENTIAL, styleAt(h, "QNorm", 0));
		assertEquals(PotentialHighlightingStyles.POTENTIAL, styleAt(h, "QNorm", 1));
		assertEquals(PotentialHighlightingStyles.PARAMETER, styleAt(h, "q = 3", 0));
		assertEquals(PotentialHighlightingStyles.PARAMETER, styleAt(h, "q / q", 0));
		assertEquals(PotentialHighlightingStyles.COORDINATE, styleAt(h, "w|^", 0));
		assertEquals(PotentialHighlightingStyles.FUNCTION, styleAt(h, "exp(", 0));
		assertEquals(PotentialHighlightingStyles.NUMBER, styleAt(h, "1e-8", 0));
		assertEquals(PotentialHighlightingStyles.EXPERIMENT, styleAt(h, "E {", 0));
		assertEquals(PotentialHighlightingStyles.BUILTIN, styleAt(h, "regression", 0));
		assertEquals(PotentialHighlightingStyles.KEYWORD, styleAt(h, "seeds 1", 0));
		assertEquals(PotentialHighlightingStyles.BUILTIN, styleAt(h, "loss <", 0));
	}

	@Test
	void keywordsUsedAsPackageNamesArePlain() throws Exception {
		List<PotentialHighlighter.Range> h = highlight(SOURCE);
		// `seeds` is a keyword in `init … seeds 1 .. 2`, a plain name in `package examples.seeds`
		assertEquals(PotentialHighlightingStyles.IDENTIFIER, styleAt(h, "seeds", 0));
		assertEquals(PotentialHighlightingStyles.IDENTIFIER, styleAt(h, "examples", 0));
	}
}
