package org.bregman.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.bregman.potential.ide.highlighting.PotentialHighlighter;
import org.bregman.ui.PotentialLanguage;
import org.bregman.ui.editor.PotentialDocuments;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/**
 * The editor applies each edit to the previous parse (Xtext's partial parser) instead of parsing the
 * whole text again. After every one of many random edits, the highlighting and the validation issues
 * computed on that incrementally updated parse must equal those of a fresh parse of the same text.
 */
public class IncrementalParseTest {

	private static final String[] SNIPPETS = { " ", "\n", "+ w", "q", "(", ")", "}", "{", "^2", "/ q", "0.5", ",",
			"beta", "exp(w)", "psi(w) = ", "potential X {", "// c\n", "/* d */", "where q > 1", "|w|", "mirrors QNorm",
			"lr 0.1", "seeds 1 .. 2", "domain w > 0" };

	private static String highlighting(String text, XtextResource r) {
		return PotentialLanguage.injector().getInstance(PotentialHighlighter.class)
				.highlight(text, r, CancelIndicator.NullImpl).stream().map(Object::toString).collect(Collectors.joining("\n"));
	}

	private static String issues(XtextResource r) {
		List<Issue> issues = PotentialLanguage.validate(r, CancelIndicator.NullImpl);
		return issues.stream().map(i -> i.getSeverity() + " " + i.getOffset() + "+" + i.getLength() + " " + i.getMessage())
				.sorted().collect(Collectors.joining("\n"));
	}

	@Test
	void everyEditGivesTheSameResultsAsAFreshParse() throws Exception {
		IDocument d = new Document(EditorTest.SOURCE);
		Random rnd = new Random(7);
		for (int k = 0; k < 150; k++) {
			String text = d.get();
			int at = rnd.nextInt(text.length() + 1);
			if (rnd.nextInt(3) == 0 && text.length() > 0) {
				int len = Math.min(text.length() - at, 1 + rnd.nextInt(12));
				d.replace(at, len, "");
			} else {
				d.replace(at, 0, SNIPPETS[rnd.nextInt(SNIPPETS.length)]);
			}
			// every few edits a consumer looks; in between, edits pile up (several edits, one update)
			if (k % 3 != 0)
				continue;
			String now = d.get();
			String[] incremental = PotentialDocuments.read(d, p -> {
				assertEquals(now, p.text);
				return new String[] { highlighting(p.text, p.resource), issues(p.resource) };
			});
			XtextResource fresh = PotentialLanguage.parse(now, PotentialLanguage.scratchUri());
			assertEquals(highlighting(now, fresh), incremental[0], "highlighting after edit " + k + " of:\n" + now);
			assertEquals(issues(fresh), incremental[1], "issues after edit " + k + " of:\n" + now);
		}
	}
}
