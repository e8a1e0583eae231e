package org.bregman.potential.ide.quickfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bregman.potential.ide.PotentialIdeSetup;
import org.bregman.potential.testing.TestResources;
import org.bregman.potential.testing.TestSources;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.inject.Injector;

/** The quick fixes of diagnostics that name their fix, applied to the text: the result validates clean. */
class PotentialQuickFixesTest {
	private static Injector injector;

	@BeforeAll
	static void setUp() {
		injector = new PotentialIdeSetup().createInjectorAndDoEMFRegistration();
	}

	static XtextResource parse(String text) throws Exception {
		return TestResources.parse(injector, text);
	}

	static List<Issue> errors(Resource r) {
		return injector.getInstance(IResourceValidator.class).validate(r, CheckMode.ALL, CancelIndicator.NullImpl)
				.stream().filter(i -> i.getSeverity() == org.eclipse.xtext.diagnostics.Severity.ERROR).toList();
	}

	/** Applies the first fix of the only error and returns the new text. */
	static String fixOnlyError(String text, String label) throws Exception {
		XtextResource r = parse(text);
		List<Issue> errors = errors(r);
		assertEquals(1, errors.size(), errors.toString());
		Issue i = errors.get(0);
		List<PotentialQuickFixes.Fix> fixes = PotentialQuickFixes.of(r, i.getMessage(), i.getOffset(), i.getLength());
		assertEquals(1, fixes.size(), i.getMessage() + " → " + fixes);
		PotentialQuickFixes.Fix f = fixes.get(0);
		assertEquals(label, f.label());
		return text.substring(0, f.offset()) + f.text() + text.substring(f.offset() + f.length());
	}

	@Test
	void addDomain() throws Exception {
		String fixed = fixOnlyError("potential E {\n    psi(w) = w * log(w)\n}\n", "Add `domain w > 0`");
		assertEquals("potential E {\n    domain w > 0\n    psi(w) = w * log(w)\n}\n", fixed);
		assertTrue(errors(parse(fixed)).isEmpty());
	}

	@Test
	void didYouMeanAPotential() throws Exception {
		String text = TestSources.QNORM + TestSources.experiment("E").with("data", "regression(n = 4, d = 8, seed = 1)").with("mirrors", "QNrom")
				.with("lr", "0.1").with("until", "loss < 1e-8 or epochs >= 10");
		String fixed = fixOnlyError(text, "Change to 'QNorm'");
		assertEquals(text.replace("QNrom", "QNorm"), fixed);
		assertTrue(errors(parse(fixed)).isEmpty());
	}

	@Test
	void messagesWithoutAFixGetNone() throws Exception {
		XtextResource r = parse("potential P {\n    psi(w) = w^2\n}\n");
		assertTrue(PotentialQuickFixes.of(r, "something else", 0, 1).isEmpty());
	}
}
