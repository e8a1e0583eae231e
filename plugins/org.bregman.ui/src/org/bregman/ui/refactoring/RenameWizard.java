package org.bregman.ui.refactoring;

import org.eclipse.ltk.ui.refactoring.RefactoringWizard;
import org.eclipse.ltk.ui.refactoring.UserInputWizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** Asks for the new name; "Preview >" shows each file's changes before they are applied. */
public class RenameWizard extends RefactoringWizard {

	public RenameWizard(RenameRefactoring refactoring) {
		super(refactoring, DIALOG_BASED_USER_INTERFACE | PREVIEW_EXPAND_FIRST_NODE);
		setDefaultPageTitle(refactoring.getName());
	}

	@Override
	protected void addUserInputPages() {
		addPage(new NamePage((RenameRefactoring) getRefactoring()));
	}

	private static final class NamePage extends UserInputWizardPage {
		private final RenameRefactoring refactoring;

		NamePage(RenameRefactoring refactoring) {
			super("newName");
			this.refactoring = refactoring;
		}

		@Override
		public void createControl(Composite parent) {
			Composite c = new Composite(parent, SWT.NONE);
			c.setLayout(new GridLayout(2, false));
			new Label(c, SWT.NONE).setText("New name:");
			Text name = new Text(c, SWT.BORDER);
			name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
			name.setText(refactoring.target().name());
			name.selectAll();
			name.addModifyListener(e -> {
				refactoring.setNewName(name.getText());
				String problem = RenameRefactoring.problemWith(name.getText().strip());
				if (problem == null && name.getText().strip().equals(refactoring.target().name()))
					problem = "Enter a new name";
				setErrorMessage(problem);
				setPageComplete(problem == null);
			});
			setPageComplete(false);
			setControl(c);
			name.setFocus();
		}
	}
}
