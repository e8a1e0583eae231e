package org.bregman.potential.ide.hover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.bregman.potential.ide.PotentialIdeSetup;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.inject.Injector;

/** The hover over a name of the experiment vocabulary shows its arguments with their defaults and its description. */
class VocabularyHoverTest {
	private static Injector injector;

	private static final String TEXT = """
			potential Q {
			    psi(w) = w^2 / 2
			}
			experiment X {
			    data    regression(n = 10)
			    model   futureNet
			    loss    squared
			    mirrors Q
			    lr      0.1
			    until   epochs >= 1
			    report  exact
			}
			""";

	@BeforeAll
	static void setUp() {
		injector = new PotentialIdeSetup().createInjectorAndDoEMFRegistration();
	}

	private static String hover(String word) throws Exception {
		XtextResourceSet rs = injector.getInstance(XtextResourceSet.class);
		XtextResource r = (XtextResource) injector.getInstance(IResourceFactory.class).createResource(URI.createURI("inmemory:/h.potential"));
		rs.getResources().add(r);
		r.load(new ByteArrayInputStream(TEXT.getBytes(StandardCharsets.UTF_8)), rs.getLoadOptions());
		EcoreUtil.resolveAll(r);
		return PotentialHoverText.at(r, TEXT.indexOf(word) + 1);
	}

	@Test
	void dataSourceShowsItsDefaultsAndDescription() throws Exception {
		assertEquals("regression(n = 40, d = 400, noise = 0, seed = 1, test, testFraction)\nsynthetic linear regression y = X w* + noise, X Gaussian",
				hover("regression"));
	}

	@Test
	void placeholderSaysItIsNotYetSupported() throws Exception {
		org.bregman.potential.experiment.Vocabulary.MODELS.register(org.bregman.potential.experiment.Vocabulary.Entry.placeholder("futureNet", "a network of a later version"));
		try {
			assertEquals("futureNet\na network of a later version (not yet supported)", hover("futureNet"));
		} finally {
			org.bregman.potential.experiment.Vocabulary.MODELS.unregister("futureNet");
		}
	}

	@Test
	void reportItemShowsItsDescription() throws Exception {
		assertEquals("report exact\ndistance to the exact Bregman minimiser over {w : Xw = y}", hover("exact"));
	}

	@Test
	void aKeywordHasNoHover() throws Exception {
		assertNull(hover("until"));
	}
}
