package org.bregman.ui.editor;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;

/**
 * A reconciling strategy that redoes its whole job on the document's current text, whatever region
 * changed (the parse underneath is shared and updated incrementally by {@link PotentialDocuments}).
 */
abstract class WholeTextStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {
	protected IDocument document;
	protected IProgressMonitor monitor;

	/** Brings this strategy's results up to date with the document's text. */
	protected abstract void update();

	@Override
	public void setDocument(IDocument document) {
		this.document = document;
	}

	@Override
	public void setProgressMonitor(IProgressMonitor monitor) {
		this.monitor = monitor;
	}

	@Override
	public void initialReconcile() {
		update();
	}

	@Override
	public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
		update();
	}

	@Override
	public void reconcile(IRegion partition) {
		update();
	}
}
