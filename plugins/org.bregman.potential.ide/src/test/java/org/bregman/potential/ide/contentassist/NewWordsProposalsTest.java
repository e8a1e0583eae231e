package org.bregman.potential.ide.contentassist;

import static org.bregman.potential.ide.contentassist.KeywordProposalsTest.keywordsAt;
import static org.bregman.potential.ide.contentassist.KeywordProposalsTest.proposalsAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Content assist where the words of issue 10 go: an update rule's arguments ({@code SmoothedSign(eps = 0.1)}), the time
 * in {@code psi(w; t)}, a potential (not a report item) inside {@code kkt(…)}, {@code safeguarded}/{@code auto} after lr.
 */
class NewWordsProposalsTest {

	@BeforeAll
	static void setUp() {
		KeywordProposalsTest.setUp();
	}

	@AfterAll
	static void tearDown() {
		KeywordProposalsTest.tearDown();
	}

	private static final String POTENTIAL = "potential Q(q = 3 where q > 1) {\n    psi(w) = abs(w) * w * w / 3\n}\n";
	private static final String EXPERIMENT = POTENTIAL + "experiment X {\n    data regression(n = 10)\n    model linear\n    loss squared\n"
			+ "    mirrors Q\n";

	private static List<String> all(String marked) throws Exception {
		List<String> out = new java.util.ArrayList<>();
		for (String kind : List.of(ContentAssistEntry.KIND_PROPERTY, ContentAssistEntry.KIND_VALUE, ContentAssistEntry.KIND_TEXT,
				ContentAssistEntry.KIND_VARIABLE, ContentAssistEntry.KIND_REFERENCE, ContentAssistEntry.KIND_KEYWORD))
			out.addAll(proposalsAt(marked, kind));
		return out;
	}

	@Test
	void anUpdateRulesArgumentsAreProposedWithoutXtextsPlaceholders() throws Exception {
		List<String> p = all(EXPERIMENT + "    optimizers SmoothedSign(^)\n}\n");
		assertTrue(p.containsAll(List.of("eps = ", "lr = ")), p.toString());
		assertFalse(p.stream().anyMatch(s -> s.equals("value") || s.equals("\"value\"")), p.toString());
	}

	@Test
	void anArgumentAlreadyWrittenIsNotProposedAgain() throws Exception {
		List<String> p = proposalsAt(EXPERIMENT + "    optimizers SmoothedSign(eps = 0.1, ^)\n}\n", ContentAssistEntry.KIND_PROPERTY);
		assertEquals(List.of("lr = "), p);
	}

	@Test
	void aDataSourcesArgumentsComeWithTheirDefaults() throws Exception {
		List<String> p = proposalsAt(POTENTIAL + "experiment X {\n    data regression(n = 10, ^\n}\n", ContentAssistEntry.KIND_PROPERTY);
		assertTrue(p.containsAll(List.of("d = ", "noise = ", "seed = ")), p.toString());
		assertFalse(p.contains("n = "), p.toString());
	}

	@Test
	void aWordArgumentsValuesAreItsWords() throws Exception {
		List<String> p = proposalsAt(POTENTIAL + "experiment X {\n    data teacher\n    model mlp(4, activation = ^)\n}\n",
				ContentAssistEntry.KIND_VALUE);
		assertTrue(p.contains("linear"), p.toString());
		assertFalse(p.contains("value"), p.toString());
	}

	@Test
	void theTimeOfATimeVaryingPsiIsProposedAfterTheSemicolon() throws Exception {
		assertEquals(List.of("t"), proposalsAt("potential P {\n    psi(w; ^) = w * w\n}\n", ContentAssistEntry.KIND_VARIABLE));
		assertEquals(List.of("w"), proposalsAt("potential P {\n    psi(^) = w * w\n}\n", ContentAssistEntry.KIND_VARIABLE));
		assertFalse(all("potential P {\n    psi(w; ^) = w * w\n}\n").contains("name"));
	}

	@Test
	void insideKktOnlyPotentialsAreProposed() throws Exception {
		List<String> p = all(EXPERIMENT + "    lr 0.1\n    until epochs >= 1\n    report bregman, kkt(^)\n}\n");
		assertTrue(p.contains("Q"), p.toString());
		assertFalse(p.contains("bregman") || p.contains("kkt"), p.toString());
	}

	@Test
	void theReportItemsIncludeKkt() throws Exception {
		List<String> p = proposalsAt(EXPERIMENT + "    lr 0.1\n    until epochs >= 1\n    report ^\n}\n", ContentAssistEntry.KIND_VALUE);
		assertTrue(p.containsAll(List.of("kkt", "exact", "bregman")), p.toString());
	}

	@Test
	void theSafeguardIsOfferedAfterARateAndAutoInsteadOfOne() throws Exception {
		assertTrue(keywordsAt(EXPERIMENT + "    lr 0.01 ^\n}\n").contains("safeguarded"));
		assertTrue(keywordsAt(EXPERIMENT + "    lr ^\n}\n").contains("auto"));
	}
}
