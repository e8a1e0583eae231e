package org.bregman.potential.ide.contentassist;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.bregman.potential.ide.PotentialIdeSetup;
import org.bregman.potential.testing.TestResources;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.TextRegion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.inject.Injector;

/** The keywords content assist offers at a caret (marked {@code ^}): only those the grammar accepts there; and the model's layer names. */
class KeywordProposalsTest {
	private static Injector injector;
	private static ExecutorService pool;

	@BeforeAll
	static void setUp() {
		injector = new PotentialIdeSetup().createInjectorAndDoEMFRegistration();
		pool = Executors.newSingleThreadExecutor();
	}

	@AfterAll
	static void tearDown() {
		pool.shutdownNow();
	}

	/** The keyword proposals at {@code ^} in {@code marked}. */
	static List<String> keywordsAt(String marked) throws Exception {
		return proposalsAt(marked, ContentAssistEntry.KIND_KEYWORD);
	}

	/** The proposals of one kind at {@code ^} in {@code marked}. */
	static List<String> proposalsAt(String marked, String kind) throws Exception {
		int offset = marked.indexOf('^');
		String text = marked.substring(0, offset) + marked.substring(offset + 1);
		XtextResource r = TestResources.parse(injector, text);
		ContentAssistContextFactory factory = injector.getInstance(ContentAssistContextFactory.class);
		factory.setPool(pool);
		ContentAssistContext[] contexts = factory.create(text, new TextRegion(offset, 0), offset, r);
		IdeContentProposalAcceptor acceptor = injector.getInstance(IdeContentProposalAcceptor.class);
		injector.getInstance(IdeContentProposalProvider.class).createProposals(Arrays.asList(contexts), acceptor);
		List<String> keywords = new ArrayList<>();
		for (ContentAssistEntry e : acceptor.getEntries())
			if (kind.equals(e.getKind()))
				keywords.add(e.getProposal());
		return keywords;
	}

	@Test
	void theModelsLayersAreProposedForLayerwiseMirrorsAndPerLayerRates() throws Exception {
		String experiment = "potential Q {\n    psi(w) = w * w / 2\n}\nexperiment X {\n    data teacher\n    model mlp(4)\n    loss crossEntropy\n";
		List<String> mirrors = proposalsAt(experiment + "    mirrors Q for layers ^\n}\n", ContentAssistEntry.KIND_VALUE);
		assertTrue(mirrors.containsAll(List.of("\"0_W\"", "\"0_b\"", "\"1_W\"", "\"1_b\"")), mirrors.toString());
		List<String> rates = proposalsAt(experiment + "    mirrors Q\n    lr 0.1 per layer { ^ }\n}\n", ContentAssistEntry.KIND_VALUE);
		assertTrue(rates.containsAll(List.of("\"0_W\"", "\"1_b\"")), rates.toString());
	}

	/** A caret, the keywords that must be offered there and those that must not. */
	record Case(String label, String marked, List<String> offered, List<String> absent) {
		@Override
		public String toString() {
			return label;
		}
	}

	static List<Case> cases() {
		return List.of(
				new Case("after psi only its bracket is valid so no operator is offered", "potential P {\n    psi ^\n}\n",
						List.of(), List.of("and", "or", "not")),
				new Case("after a use in a psi body the next members are offered not the boolean operators", "potential P {\n    psi(w) = w ^\n}\n",
						List.of("domain", "psi", "grad", "inverse"), List.of("and", "or", "not")),
				new Case("where a psi body starts the constants are offered, not \"not\"", "potential P {\n    psi(w) = ^\n}\n",
						List.of("pi", "e"), List.of("not")),
				new Case("inside a function's argument of a condition no boolean operator is offered", "potential P {\n    domain log(w ^) > 0\n}\n",
						List.of(), List.of("and", "or")),
				new Case("after a parameter constraint the boolean operators are offered", "potential P(q = 2 where q > 1 ^) {\n}\n",
						List.of("and", "or"), List.of()),
				new Case("after a domain condition the boolean operators are offered", "potential P {\n    domain w > 0 ^\n    psi(w) = w^2\n}\n",
						List.of("and", "or"), List.of()),
				new Case("where a condition starts \"not\" is offered, not \"and\"", "potential P {\n    domain ^\n}\n",
						List.of("not"), List.of("and", "or")),
				new Case("inside a potential the members are offered not the settings", "potential P {\n    ^\n}\n",
						List.of("domain", "psi", "grad", "inverse"), List.of("mirrors", "experiment", "and")),
				new Case("inside an experiment the settings are offered", "experiment E {\n    ^\n}\n",
						List.of("data", "model", "loss", "mirrors", "lr", "until"), List.of("psi", "domain", "and")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void onlyTheKeywordsTheGrammarAcceptsAreOffered(Case c) throws Exception {
		List<String> k = keywordsAt(c.marked());
		assertTrue(k.containsAll(c.offered()), k.toString());
		for (String a : c.absent())
			assertFalse(k.contains(a), a + " offered: " + k);
	}
}
