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

	@Test
	void afterPsiOnlyItsBracketIsValidSoNoOperatorIsOffered() throws Exception {
		List<String> k = keywordsAt("potential P {\n    psi ^\n}\n");
		assertFalse(k.contains("and") || k.contains("or") || k.contains("not"), k.toString());
	}

	@Test
	void afterAUseInAPsiBodyTheNextMembersAreOfferedNotTheBooleanOperators() throws Exception {
		List<String> k = keywordsAt("potential P {\n    psi(w) = w ^\n}\n");
		assertTrue(k.containsAll(List.of("domain", "psi", "grad", "inverse")), k.toString());
		assertFalse(k.contains("and") || k.contains("or") || k.contains("not"), k.toString());
	}

	@Test
	void whereAPsiBodyStartsTheConstantsAreOfferedNotNot() throws Exception {
		List<String> k = keywordsAt("potential P {\n    psi(w) = ^\n}\n");
		assertTrue(k.containsAll(List.of("pi", "e")), k.toString());
		assertFalse(k.contains("not"), k.toString());
	}

	@Test
	void insideAFunctionsArgumentOfAConditionNoBooleanOperatorIsOffered() throws Exception {
		List<String> k = keywordsAt("potential P {\n    domain log(w ^) > 0\n}\n");
		assertFalse(k.contains("and") || k.contains("or"), k.toString());
	}

	@Test
	void afterAParameterConstraintTheBooleanOperatorsAreOffered() throws Exception {
		List<String> k = keywordsAt("potential P(q = 2 where q > 1 ^) {\n}\n");
		assertTrue(k.contains("and") && k.contains("or"), k.toString());
	}

	@Test
	void afterADomainConditionTheBooleanOperatorsAreOffered() throws Exception {
		List<String> k = keywordsAt("potential P {\n    domain w > 0 ^\n    psi(w) = w^2\n}\n");
		assertTrue(k.contains("and") && k.contains("or"), k.toString());
	}

	@Test
	void whereAConditionStartsNotIsOfferedButNotAnd() throws Exception {
		List<String> k = keywordsAt("potential P {\n    domain ^\n}\n");
		assertTrue(k.contains("not"), k.toString());
		assertFalse(k.contains("and") || k.contains("or"), k.toString());
	}

	@Test
	void insideAPotentialTheMembersAreOfferedNotTheSettings() throws Exception {
		List<String> k = keywordsAt("potential P {\n    ^\n}\n");
		assertTrue(k.containsAll(List.of("domain", "psi", "grad", "inverse")), k.toString());
		assertFalse(k.contains("mirrors") || k.contains("experiment") || k.contains("and"), k.toString());
	}

	@Test
	void insideAnExperimentTheSettingsAreOffered() throws Exception {
		List<String> k = keywordsAt("experiment E {\n    ^\n}\n");
		assertTrue(k.containsAll(List.of("data", "model", "loss", "mirrors", "lr", "until")), k.toString());
		assertFalse(k.contains("psi") || k.contains("domain") || k.contains("and"), k.toString());
	}
}
