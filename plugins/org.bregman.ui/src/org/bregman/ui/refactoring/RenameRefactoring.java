package org.bregman.ui.refactoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bregman.potential.ide.references.NameReferences;
import org.bregman.ui.PotentialLanguage;
import org.bregman.ui.refactoring.PotentialReferences.Location;
import org.bregman.ui.refactoring.PotentialReferences.Target;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.ltk.core.refactoring.Change;
import org.eclipse.ltk.core.refactoring.CompositeChange;
import org.eclipse.ltk.core.refactoring.Refactoring;
import org.eclipse.ltk.core.refactoring.RefactoringStatus;
import org.eclipse.ltk.core.refactoring.TextFileChange;
import org.eclipse.text.edits.MultiTextEdit;
import org.eclipse.text.edits.ReplaceEdit;
import org.eclipse.xtext.IGrammarAccess;

/**
 * Renames a potential, parameter or coordinate and every use of it in the workspace's .potential files
 * (other files reach a potential through {@code import}); one text change per file, shown in the
 * refactoring preview before anything is written.
 */
public class RenameRefactoring extends Refactoring {
	private final PotentialReferences references;
	private final Target target;
	private String newName;

	public RenameRefactoring(PotentialReferences references, Target target) {
		this.references = references;
		this.target = target;
		this.newName = target.name();
	}

	/** The refactoring for what is at {@code offset} of {@code file}, or null if nothing renamable is there. */
	public static RenameRefactoring at(IFile file, int offset) throws CoreException {
		PotentialReferences refs = PotentialReferences.ofWorkspace();
		Target t = refs.targetAt(file, offset);
		return t == null || refs.declaration(t) == null ? null : new RenameRefactoring(refs, t);
	}

	public Target target() {
		return target;
	}

	public void setNewName(String name) {
		newName = name == null ? "" : name.strip();
	}

	@Override
	public String getName() {
		return "Rename " + kind() + " " + target.name();
	}

	private String kind() {
		return switch (target.kind()) {
		case "PotentialDef" -> "potential";
		case "Parameter" -> "parameter";
		default -> "coordinate";
		};
	}

	@Override
	public RefactoringStatus checkInitialConditions(IProgressMonitor pm) {
		return references.declaration(target) == null
				? RefactoringStatus.createFatalErrorStatus(target.name() + " is not declared in a workspace file")
				: new RefactoringStatus();
	}

	/** Why {@code name} cannot be the new name, or null. */
	public static String problemWith(String name) {
		return NameReferences.problemWithNewName(name, PotentialLanguage.injector().getInstance(IGrammarAccess.class));
	}

	@Override
	public RefactoringStatus checkFinalConditions(IProgressMonitor pm) {
		String problem = problemWith(newName);
		if (problem != null)
			return RefactoringStatus.createFatalErrorStatus(problem);
		if (newName.equals(target.name()))
			return RefactoringStatus.createFatalErrorStatus("The new name is the current name");
		return new RefactoringStatus();
	}

	/** Each file's ranges to replace: the declaration's name and every use. */
	public Map<IFile, List<Location>> edits() {
		Map<IFile, List<Location>> byFile = new LinkedHashMap<>();
		List<Location> all = new ArrayList<>();
		all.add(references.declaration(target));
		all.addAll(references.uses(target));
		for (Location l : all)
			byFile.computeIfAbsent(l.file(), f -> new ArrayList<>()).add(l);
		return byFile;
	}

	@Override
	public Change createChange(IProgressMonitor pm) throws CoreException, OperationCanceledException {
		CompositeChange all = new CompositeChange(getName());
		for (var e : edits().entrySet()) {
			TextFileChange change = new TextFileChange(e.getKey().getName(), e.getKey());
			// files open in an editor keep their editor's save state; others are written
			change.setSaveMode(TextFileChange.KEEP_SAVE_STATE);
			MultiTextEdit edit = new MultiTextEdit();
			for (Location l : e.getValue())
				edit.addChild(new ReplaceEdit(l.offset(), l.length(), newName));
			change.setEdit(edit);
			all.add(change);
		}
		return all;
	}
}
