package org.bregman.ui.refactoring;

import org.bregman.ui.BregmanUi;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.ltk.ui.refactoring.RefactoringWizardOpenOperation;
import org.eclipse.ui.handlers.HandlerUtil;

/** Rename (Alt+Shift+R) of the potential, parameter or coordinate at the caret, with preview. */
public class RenameHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		EditorTarget at = EditorTarget.of(event);
		if (at == null)
			return null;
		var shell = HandlerUtil.getActiveShell(event);
		try {
			RenameRefactoring r = RenameRefactoring.at(at.file(), at.offset());
			if (r == null) {
				EditorTarget.sayNothingAtCaret(shell, "Rename");
				return null;
			}
			new RefactoringWizardOpenOperation(new RenameWizard(r)).run(shell, r.getName());
		} catch (CoreException e) {
			BregmanUi.log("rename failed", e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		return null;
	}
}
