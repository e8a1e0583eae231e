package org.bregman.ui.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.bregman.potential.ide.highlighting.PotentialHighlightingStyles;
import org.bregman.ui.editor.PotentialColors;
import org.bregman.ui.editor.PotentialContentAssistProcessor;
import org.bregman.ui.editor.PotentialFoldingReconciler;
import org.bregman.ui.editor.PotentialTextHover;
import org.bregman.ui.editor.PotentialValidationReconciler;
import org.bregman.ui.editor.ToggleCommentHandler;
import org.bregman.ui.outline.PotentialOutlinePage;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The .potential editor in a real workbench: highlighting, markers, content assist, hover, outline, folding. */
public class EditorTest {

	static final String SOURCE = """
			/** The lq potential. */
			potential QNorm(q = 3 where q > 1) {
			    psi(w) = |w|^q / q   // separable
			}

			/** No closed-form inverse. */
			potential Quartic {
			    psi(x) = x^4 / 4 + exp(x) * 0 + x^2 / 2
			}

			""" + TestFiles.experiment("Small", "n = 10, d = 40", "QNorm(q = 2), QNorm(q = 3)", "1 .. 2", "batch   1",
			"until   loss < 1e-8 or epochs >= 50", "report  bregman, closest");

	@AfterEach
	void close() {
		TestFiles.page().closeAllEditors(false);
	}

	private static ITextViewer open(IFile f) throws Exception {
		IEditorPart ed = IDE.openEditor(TestFiles.page(), f);
		ITextViewer v = (ITextViewer) ed.getAdapter(ITextOperationTarget.class);
		assertNotNull(v, "no text viewer");
		return v;
	}

	private static void assertStyle(StyledText st, String text, String token, int occurrence, String style) {
		int at = -1;
		for (int i = 0; i <= occurrence; i++)
			at = text.indexOf(token, at + 1);
		assertTrue(at >= 0, token);
		final int offset = at;
		PotentialColors.Look look = PotentialColors.LOOKS.get(style);
		assertTrue(TestFiles.waitUntil(() -> {
			StyleRange r = st.getStyleRangeAtOffset(offset);
			return r != null && r.foreground != null && r.foreground.getRGB().equals(look.rgb());
		}, 5000), () -> "'" + token + "' #" + occurrence + " at " + offset + " should be " + style + " but is "
				+ st.getStyleRangeAtOffset(offset));
		StyleRange r = st.getStyleRangeAtOffset(offset);
		assertEquals(look.fontStyle(), r.fontStyle & (SWT.BOLD | SWT.ITALIC), token + " font style");
	}

	@Test
	void highlightsEachTokenKind() throws Exception {
		ITextViewer v = open(TestFiles.create("highlight.potential", SOURCE));
		StyledText st = v.getTextWidget();
		String t = SOURCE;
		assertStyle(st, t, "/** The lq", 0, PotentialHighlightingStyles.DOC_COMMENT);
		assertStyle(st, t, "// separable", 0, PotentialHighlightingStyles.COMMENT);
		assertStyle(st, t, "potential QNorm", 0, PotentialHighlightingStyles.KEYWORD);
		assertStyle(st, t, "where", 0, PotentialHighlightingStyles.KEYWORD);
		assertStyle(st, t, "QNorm", 0, PotentialHighlightingStyles.POTENTIAL);
		assertStyle(st, t, "QNorm", 1, PotentialHighlightingStyles.POTENTIAL); // use site in mirrors
		assertStyle(st, t, "q = 3", 0, PotentialHighlightingStyles.PARAMETER);
		assertStyle(st, t, "q / q", 0, PotentialHighlightingStyles.PARAMETER);
		assertStyle(st, t, "w) =", 0, PotentialHighlightingStyles.COORDINATE);
		assertStyle(st, t, "w|^", 0, PotentialHighlightingStyles.COORDINATE);
		assertStyle(st, t, "exp(", 0, PotentialHighlightingStyles.FUNCTION);
		assertStyle(st, t, "3 where", 0, PotentialHighlightingStyles.NUMBER);
		assertStyle(st, t, "1e-8", 0, PotentialHighlightingStyles.NUMBER);
		assertStyle(st, t, "Small", 0, PotentialHighlightingStyles.EXPERIMENT);
		assertStyle(st, t, "regression", 0, PotentialHighlightingStyles.BUILTIN);
		// plain text stays plain: the operator '/'
		int slash = t.indexOf(" / q") + 1;
		StyleRange plain = st.getStyleRangeAtOffset(slash);
		assertTrue(plain == null || plain.foreground == null || plain.fontStyle == SWT.NORMAL && !PotentialColors.LOOKS
				.values().stream().anyMatch(l -> l.rgb().equals(plain.foreground.getRGB()) && l.fontStyle() != SWT.NORMAL),
				"operator styled: " + plain);
	}

	@Test
	void errorsBecomeMarkersWhileTyping() throws Exception {
		IFile f = TestFiles.create("markers.potential", "potential Ok {\n    psi(w) = w^2 / 2\n}\n");
		ITextViewer v = open(f);
		IDocument d = v.getDocument();
		assertTrue(TestFiles.waitUntil(() -> TestFiles.markers(f).length == 0, 5000));
		// type an unknown name into the body: the validator reports it on line 2
		int at = d.get().indexOf("w^2") + 3;
		d.replace(at, 0, " + foo");
		assertTrue(TestFiles.waitUntil(() -> TestFiles.markers(f).length > 0, 10000), "no marker after typing an error");
		IMarker m = TestFiles.markers(f)[0];
		assertEquals(IMarker.SEVERITY_ERROR, m.getAttribute(IMarker.SEVERITY, -1));
		assertEquals(2, m.getAttribute(IMarker.LINE_NUMBER, -1));
		String msg = m.getAttribute(IMarker.MESSAGE, "");
		assertTrue(msg.contains("foo"), msg);
		assertEquals(d.get().indexOf("foo"), m.getAttribute(IMarker.CHAR_START, -1));
		// fixing it removes the marker
		d.replace(d.get().indexOf(" + foo"), 6, "");
		assertTrue(TestFiles.waitUntil(() -> TestFiles.markers(f).length == 0, 10000), "marker not removed");
		// fast typing cancels validations in progress; the markers still end up those of the last text
		int typeAt = d.get().indexOf("w^2") + 3;
		for (char c : " + barbaz".toCharArray()) {
			d.replace(typeAt++, 0, String.valueOf(c));
			Thread.sleep(7);
		}
		for (int k = 0; k < 3; k++) {
			d.replace(d.get().indexOf("barbaz"), 6, "barba");
			d.replace(d.get().indexOf("barba"), 5, "barbaz");
		}
		assertTrue(TestFiles.waitUntil(() -> PotentialValidationReconciler.isValidationUpToDate(d), 10000),
				"validation stopped while typing");
		assertEquals(1, TestFiles.markers(f).length);
		assertTrue(TestFiles.markers(f)[0].getAttribute(IMarker.MESSAGE, "").contains("barbaz"));
		d.replace(d.get().indexOf(" + barbaz"), 9, "");
		assertTrue(TestFiles.waitUntil(() -> TestFiles.markers(f).length == 0, 10000), "marker not removed after fast typing");
		assertTrue(f.isAccessible());
	}

	@Test
	void filesNotOpenInAnEditorGetMarkersToo() throws Exception {
		// the problems of every .potential file show in the Problems view, as after a build
		IFile lib = TestFiles.create("closed-lib.potential", "potential Lib(q = 3 where q > 1) {\n    psi(w) = |w|^q / q\n}\n");
		IFile user = TestFiles.create("closed-user.potential",
				"import \"closed-lib.potential\"\nexperiment E {\n    data regression(n = 4, d = 8, seed = 1)\n"
						+ "    model linear\n    loss squared\n    mirrors Lib(q = 0.5)\n    init normal(std = 0.1) seeds 1\n"
						+ "    lr 0.1\n    until epochs >= 1\n}\n");
		assertTrue(TestFiles.waitUntil(() -> TestFiles.markers(user).length > 0, 15000), "no marker on a file never opened");
		assertEquals(0, TestFiles.markers(lib).length);
		IMarker m = TestFiles.markers(user)[0];
		assertEquals(IMarker.SEVERITY_ERROR, m.getAttribute(IMarker.SEVERITY, -1));
		assertEquals(6, m.getAttribute(IMarker.LINE_NUMBER, -1), m.getAttribute(IMarker.MESSAGE, ""));
		// changing the imported file on disk re-validates the file that imports it: q = 0.5 becomes legal
		TestFiles.create("closed-lib.potential", "potential Lib(q = 3 where q > 0) {\n    psi(w) = |w|^(q + 1) / (q + 1)\n}\n");
		assertTrue(TestFiles.waitUntil(() -> TestFiles.markers(user).length == 0, 15000), "importer not re-validated");
		// and breaking a file on disk marks it
		TestFiles.create("closed-lib.potential", "potential Lib {\n    psi(w) = w^2 / 2 + nope\n}\n");
		assertTrue(TestFiles.waitUntil(() -> TestFiles.markers(lib).length > 0, 15000), "saved error not marked");
		assertTrue(TestFiles.markers(lib)[0].getAttribute(IMarker.MESSAGE, "").contains("nope"));
	}


	private static List<String> proposals(IDocument d, int offset) {
		return PotentialContentAssistProcessor.entries(d, offset).stream().map(ContentAssistEntry::getProposal)
				.collect(Collectors.toList());
	}

	@Test
	void contentAssistProposesFunctionsSymbolsPotentialsAndBuiltins() throws Exception {
		String text = SOURCE.replace("psi(w) = |w|^q / q", "psi(w) = |w|^q / q + ").replace("model   linear", "model   ");
		ITextViewer v = open(TestFiles.create("assist.potential", text));
		IDocument d = v.getDocument();
		int inBody = text.indexOf("/ q + ") + 6;
		List<String> body = proposals(d, inBody);
		assertTrue(body.contains("exp("), body.toString());
		assertTrue(body.contains("log("), body.toString());
		assertTrue(body.contains("q"), body.toString());
		assertTrue(body.contains("w"), body.toString());
		int inModel = text.indexOf("model   ") + 8;
		List<String> models = proposals(d, inModel);
		assertTrue(models.contains("linear") && models.contains("mlp"), models.toString());
		int inMirrors = text.indexOf("mirrors ") + 8;
		List<String> mirrors = proposals(d, inMirrors);
		assertTrue(mirrors.contains("QNorm") && mirrors.contains("Quartic"), mirrors.toString());
		// the processor the Generic Editor calls turns them into proposals that apply
		ICompletionProposal[] ps = new PotentialContentAssistProcessor().computeCompletionProposals(v, inModel);
		ICompletionProposal linear = Arrays.stream(ps).filter(p -> p.getDisplayString().startsWith("linear")).findFirst()
				.orElseThrow();
		linear.apply(d);
		assertTrue(d.get().contains("model   linear"), d.get());
		// keywords at the start of a setting
		int newSetting = d.get().indexOf("    lr");
		assertTrue(proposals(d, newSetting).contains("lr") || proposals(d, newSetting).contains("batch"));
	}

	@Test
	void hoverShowsTheDerivation() throws Exception {
		ITextViewer v = open(TestFiles.create("hover.potential", SOURCE));
		IDocument d = v.getDocument();
		String def = PotentialTextHover.hoverText(d, SOURCE.indexOf("QNorm") + 2);
		assertNotNull(def);
		assertTrue(def.contains("ψ(w) ="), def);
		assertTrue(def.contains("∇ψ(w) ="), def);
		assertTrue(def.contains("closed-form"), def);
		assertTrue(def.contains("D_ψ("), def);
		assertTrue(def.contains("domain"), def);
		String use = PotentialTextHover.hoverText(d, SOURCE.indexOf("QNorm(q = 2)") + 1);
		assertNotNull(use);
		assertTrue(use.startsWith("QNorm(q = 2)"), use);
		assertTrue(use.contains("\nThe lq potential.\n"), "the doc comment: " + use);
		assertTrue(def.contains("\nThe lq potential.\n"), "the doc comment: " + def);
		String quartic = PotentialTextHover.hoverText(d, SOURCE.indexOf("Quartic") + 1);
		assertTrue(quartic.contains("numeric"), quartic);
		assertNull(PotentialTextHover.hoverText(d, SOURCE.indexOf("seeds")));
	}

	@Test
	void outlineFoldingAndToggleComment() throws Exception {
		IEditorPart ed = IDE.openEditor(TestFiles.page(), TestFiles.create("outline.potential", SOURCE));
		IContentOutlinePage page = ed.getAdapter(IContentOutlinePage.class);
		assertNotNull(page, "no outline page");
		ITextViewer v = (ITextViewer) ed.getAdapter(ITextOperationTarget.class);
		List<PotentialOutlinePage.Item> items = PotentialOutlinePage.items(v.getDocument());
		assertEquals(List.of("potential QNorm", "potential Quartic", "experiment Small"),
				items.stream().map(PotentialOutlinePage.Item::label).toList());
		assertTrue(items.get(0).children().stream().anyMatch(i -> i.label().equals("parameter q = 3")));
		assertTrue(items.get(0).children().stream().anyMatch(i -> i.label().equals("psi(w)")));

		Document doc = new Document(SOURCE);
		List<Position> folds = PotentialFoldingReconciler.foldingPositions(SOURCE, doc);
		// 3 elements (each several lines); one-line doc comments do not fold
		assertEquals(3, folds.size(), folds.toString());
		assertEquals(doc.getLineOffset(1), folds.get(0).getOffset());

		Document c = new Document("a\n  b\n\nc\n");
		ToggleCommentHandler.toggle(c, 0, 1);
		assertEquals("// a\n//   b\n\nc\n", c.get());
		ToggleCommentHandler.toggle(c, 0, 1);
		assertEquals("a\n  b\n\nc\n", c.get());
	}
}
