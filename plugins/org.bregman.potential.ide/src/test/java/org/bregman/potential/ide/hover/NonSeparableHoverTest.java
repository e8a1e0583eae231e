package org.bregman.potential.ide.hover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.bregman.potential.ide.PotentialIdeSetup;
import org.bregman.potential.translate.Reductions;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Test;

/** The hover of a non-separable potential shows its derivation in S = Σ_j g(w_j); over sum/norm, what they are. */
class NonSeparableHoverTest {

	private static final String TEXT = """
			potential PNorm(q = 3 where q > 1) {
			    psi(w) = 0.5 * norm(w, q)^2
			}
			experiment X {
			    data    regression(n = 10)
			    model   linear
			    loss    squared
			    mirrors PNorm(q = 1.5)
			    lr      0.1
			    until   epochs >= 1
			}
			""";

	private static String hover(int offset) throws Exception {
		var injector = new PotentialIdeSetup().createInjectorAndDoEMFRegistration();
		XtextResourceSet rs = injector.getInstance(XtextResourceSet.class);
		XtextResource r = (XtextResource) injector.getInstance(IResourceFactory.class).createResource(URI.createURI("inmemory:/n.potential"));
		rs.getResources().add(r);
		r.load(new ByteArrayInputStream(TEXT.getBytes(StandardCharsets.UTF_8)), rs.getLoadOptions());
		EcoreUtil.resolveAll(r);
		return PotentialHoverText.at(r, offset);
	}

	/** Each fragment is in the hover text (the message: the whole text). */
	private static void assertContainsEach(String hover, String... fragments) {
		for (String f : fragments) assertTrue(hover.contains(f), hover);
	}

	@Test
	void theDefinitionShowsTheReductionGradientAndInverse() throws Exception {
		assertContainsEach(hover(TEXT.indexOf("PNorm") + 1), "non-separable", "S = Σ_j |w_j|^q",
				"∇Ψ(w)_j = S^(2 / q - 1) * sign(w) * |w|^(q - 1)", "[closed-form]", "dual domain = all reals per coordinate");
	}

	@Test
	void aUseSiteSubstitutesItsArguments() throws Exception {
		String h = hover(TEXT.indexOf("PNorm(q = 1.5)") + 1);
		assertTrue(h.startsWith("PNorm(q = 1.5)"), h);
		assertContainsEach(h, "S = Σ_j |w_j|^1.5", "(Σ_j |z_j|^3)");
	}

	@Test
	void theReductionsNameThemselves() throws Exception {
		assertEquals(Reductions.DESCRIPTIONS.get("norm"), hover(TEXT.indexOf("norm") + 1));
	}
}
