package org.bregman.ui.refactoring;

import org.bregman.ui.BregmanUi;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * A command on the name at the caret of a .potential editor (Find References, Rename): nothing outside such an editor,
 * the same message when the caret is on nothing to follow, failures logged.
 */
abstract class CaretCommandHandler extends AbstractHandler {
	private final String title;
	private final String failure;

	/** @param title the dialog title; @param failure the log message when the command fails */
	CaretCommandHandler(String title, String failure) {
		this.title = title;
		this.failure = failure;
	}

	@Override
	public final Object execute(ExecutionEvent event) {
		EditorTarget at = EditorTarget.of(event);
		if (at == null)
			return null;
		Shell shell = HandlerUtil.getActiveShell(event);
		try {
			if (!run(at, shell, event))
				EditorTarget.sayNothingAtCaret(shell, title);
		} catch (CoreException e) {
			BregmanUi.log(failure, e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		return null;
	}

	/** Runs the command at the caret; false when the caret is on nothing it can follow. */
	abstract boolean run(EditorTarget at, Shell shell, ExecutionEvent event) throws CoreException, InterruptedException;
}
