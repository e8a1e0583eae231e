package org.bregman.ui.refactoring;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.ltk.ui.refactoring.RefactoringWizardOpenOperation;
import org.eclipse.swt.widgets.Shell;

/** Rename (Alt+Shift+R) of the potential, parameter or coordinate at the caret, with preview. */
public class RenameHandler extends CaretCommandHandler {

	public RenameHandler() {
		super("Rename", "rename failed");
	}

	@Override
	boolean run(EditorTarget at, Shell shell, ExecutionEvent event) throws CoreException, InterruptedException {
		RenameRefactoring r = RenameRefactoring.at(at.file(), at.offset());
		if (r == null)
			return false;
		new RefactoringWizardOpenOperation(new RenameWizard(r)).run(shell, r.getName());
		return true;
	}
}
