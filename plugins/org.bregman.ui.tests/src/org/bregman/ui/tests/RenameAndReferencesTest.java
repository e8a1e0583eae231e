package org.bregman.ui.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.function.Predicate;

import org.bregman.ui.refactoring.PotentialReferences;
import org.bregman.ui.refactoring.PotentialReferences.Location;
import org.bregman.ui.refactoring.PotentialReferences.Target;
import org.bregman.ui.refactoring.RenameRefactoring;
import org.bregman.ui.refactoring.RenameWizard;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.ltk.core.refactoring.Change;
import org.eclipse.ltk.core.refactoring.CheckConditionsOperation;
import org.eclipse.ltk.core.refactoring.CompositeChange;
import org.eclipse.ltk.core.refactoring.PerformRefactoringOperation;
import org.eclipse.ltk.ui.refactoring.RefactoringWizardOpenOperation;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rename (with its preview) and Find References of a potential and a parameter across two files. */
public class RenameAndReferencesTest {
	static final String DEFS = TestFiles.QNORM;
	static final String USES = "import \"defs.potential\"\n\n"
			+ TestFiles.experiment("Uses", "n = 4, d = 8", "QNorm(q = 2), QNorm(q = 4)", "1 .. 1", "until   epochs >= 2");

	/** Every test starts from these two files: the declarations and an experiment that imports them. */
	private IFile defs, uses;

	@BeforeEach
	void createBothFiles() throws Exception {
		defs = TestFiles.create("defs.potential", DEFS);
		uses = TestFiles.create("uses.potential", USES);
	}

	@AfterEach
	void close() {
		TestFiles.page().closeAllEditors(false);
	}

	private static String text(IFile f) throws Exception {
		return PotentialReferences.textOf(f);
	}

	@Test
	void findsTheDeclarationAndEveryUseAcrossAnImport() throws Exception {
		PotentialReferences refs = PotentialReferences.ofWorkspace();
		Target t = refs.targetAt(uses, USES.indexOf("QNorm(q = 4)") + 2);
		assertNotNull(t, "the caret on a use of QNorm");
		assertEquals("QNorm", t.name());
		Location decl = refs.declaration(t);
		assertEquals(defs, decl.file());
		assertEquals(DEFS.indexOf("QNorm"), decl.offset());
		List<Location> found = refs.uses(t);
		assertEquals(List.of(USES.indexOf("QNorm(q = 2)"), USES.indexOf("QNorm(q = 4)")),
				found.stream().filter(l -> l.file().equals(uses)).map(Location::offset).toList());
		assertEquals(7, found.get(0).line());
		assertEquals("mirrors QNorm(q = 2), QNorm(q = 4)", found.get(0).lineText());
		// the same target from its declaration
		assertEquals(t, refs.targetAt(defs, DEFS.indexOf("QNorm") + 1));
		// a parameter: its uses in the body and constraint, and the overrides in the other file
		Target q = refs.targetAt(defs, DEFS.indexOf("q = 3"));
		assertEquals("q", q.name());
		assertEquals(5, refs.uses(q).size(), refs.uses(q).toString());
		assertNull(refs.targetAt(uses, USES.indexOf("regression")), "nothing renamable on a data source");
	}

	@Test
	void renamesAPotentialInBothFiles() throws Exception {
		RenameRefactoring r = RenameRefactoring.at(uses, USES.indexOf("QNorm(q = 2)"));
		assertNotNull(r);
		r.setNewName("potential");
		assertTrue(r.checkAllConditions(new NullProgressMonitor()).hasFatalError(), "a keyword is not a name");
		r.setNewName("2x");
		assertTrue(r.checkAllConditions(new NullProgressMonitor()).hasFatalError(), "not an identifier");
		r.setNewName("PNorm");
		assertFalse(r.checkAllConditions(new NullProgressMonitor()).hasError());
		// the preview lists one change per file
		Change c = r.createChange(new NullProgressMonitor());
		assertEquals(List.of("defs.potential", "uses.potential"),
				List.of(((CompositeChange) c).getChildren()).stream().map(Change::getName).sorted().toList());
		new PerformRefactoringOperation(r, CheckConditionsOperation.ALL_CONDITIONS).run(new NullProgressMonitor());
		assertEquals(DEFS.replace("QNorm", "PNorm"), text(defs));
		assertEquals(USES.replace("QNorm", "PNorm"), text(uses));
	}

	@Test
	void renamesAParameterWithItsOverrides() throws Exception {
		RenameRefactoring r = RenameRefactoring.at(uses, USES.indexOf("q = 4"));
		assertEquals("q", r.target().name());
		r.setNewName("p");
		new PerformRefactoringOperation(r, CheckConditionsOperation.ALL_CONDITIONS).run(new NullProgressMonitor());
		assertEquals("""
				potential QNorm(p = 3 where p > 1) {
				    psi(w) = |w|^p / p
				}
				""", text(defs));
		assertEquals(USES.replace("(q = ", "(p = "), text(uses));
	}

	/** The wizard a user sees: new name, then "Preview >" with both files; cancelled, nothing changes. */
	@Test
	void previewShowsBothFilesBeforeAnythingChanges() throws Exception {
		RenameRefactoring r = RenameRefactoring.at(defs, DEFS.indexOf("QNorm"));
		Display d = Display.getCurrent();
		Shell parent = TestFiles.page().getWorkbenchWindow().getShell();
		List<String> previewed = new java.util.ArrayList<>();
		d.timerExec(1500, () -> {
			Shell dialog = TestFiles.dialog();
			try {
				find(dialog, Text.class).setText("PNorm");
				button(dialog, "Preview >").notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
			} catch (RuntimeException e) {
				closeDialogs();
				throw e;
			}
			d.timerExec(1500, () -> {
				Tree tree = find(dialog, Tree.class);
				if (tree != null)
					collect(tree.getItems(), previewed);
				Screenshots.take("rename-preview");
				closeDialogs();
			});
		});
		new RefactoringWizardOpenOperation(new RenameWizard(r)).run(parent, r.getName());
		assertTrue(previewed.stream().anyMatch(s -> s.contains("defs.potential")), previewed.toString());
		assertTrue(previewed.stream().anyMatch(s -> s.contains("uses.potential")), previewed.toString());
		assertEquals(DEFS, text(defs), "cancelled: nothing renamed");
		assertEquals(USES, text(uses));
	}

	/** Closes what opened, so that a failure cannot leave the test waiting on a modal dialog. */
	private static void closeDialogs() {
		int n = 0;
		for (Shell open = TestFiles.dialog(); open != null && n++ < 5; open = TestFiles.dialog())
			open.close();
	}

	private static void collect(TreeItem[] items, List<String> into) {
		for (TreeItem i : items) {
			into.add(i.getText());
			collect(i.getItems(), into);
		}
	}

	/** The first visible control of this type in the tree under {@code c}, or null. */
	static <T extends Control> T find(Control c, Class<T> type) {
		return find(c, type, Control::isVisible);
	}

	/** The button labelled {@code label} (mnemonic ampersands ignored) under {@code c}, or null. */
	static Button button(Control c, String label) {
		return find(c, Button.class, b -> label.equals(b.getText().replace("&", "")));
	}

	/** Depth-first: the first control of this type under {@code c}, itself included, that {@code which} accepts. */
	private static <T extends Control> T find(Control c, Class<T> type, Predicate<? super T> which) {
		if (type.isInstance(c) && which.test(type.cast(c)))
			return type.cast(c);
		if (c instanceof Composite comp)
			for (Control child : comp.getChildren()) {
				T found = find(child, type, which);
				if (found != null)
					return found;
			}
		return null;
	}
}
