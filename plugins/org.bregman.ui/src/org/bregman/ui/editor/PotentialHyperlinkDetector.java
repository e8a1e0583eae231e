package org.bregman.ui.editor;

import org.bregman.potential.potential.MirrorUse;
import org.bregman.potential.potential.PotentialDef;
import org.bregman.ui.BregmanUi;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.AbstractHyperlinkDetector;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Ctrl+click on a potential's use ({@code QNorm} in {@code mirrors QNorm(q = 3)}) opens its definition,
 * in this file or in an imported one.
 */
public class PotentialHyperlinkDetector extends AbstractHyperlinkDetector {

	/** Where a definition is: a workspace file and the range of its name. */
	public record Target(IFile file, int offset, int length) {
	}

	@Override
	public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultiple) {
		int offset = region.getOffset();
		return PotentialDocuments.read(viewer.getDocument(), parsed -> {
			ILeafNode leaf = parsed.resource.getParseResult() == null ? null
					: NodeModelUtils.findLeafNodeAtOffset(parsed.resource.getParseResult().getRootNode(), offset);
			Target t = leaf == null ? null : target(leaf);
			return t == null ? null : new IHyperlink[] { link(new Region(leaf.getOffset(), leaf.getLength()), t) };
		});
	}

	/** The definition the name at this leaf refers to, or null. */
	public static Target target(ILeafNode leaf) {
		if (leaf.isHidden())
			return null;
		EObject o = NodeModelUtils.findActualSemanticObjectFor(leaf);
		if (!(o instanceof MirrorUse use) || use.getPotential() == null || use.getPotential().eIsProxy())
			return null;
		PotentialDef p = use.getPotential();
		if (!leaf.getText().equals(p.getName()) || p.eResource() == null)
			return null;
		URI uri = p.eResource().getURI();
		if (!uri.isFile())
			return null;
		IFile[] files = ResourcesPlugin.getWorkspace().getRoot()
				.findFilesForLocationURI(new java.io.File(uri.toFileString()).toURI());
		if (files.length == 0)
			return null;
		INode name = NodeModelUtils.findNodesForFeature(p,
				org.bregman.potential.potential.PotentialPackage.Literals.ELEMENT__NAME).stream().findFirst().orElse(null);
		INode at = name != null ? name : NodeModelUtils.getNode(p);
		return new Target(files[0], at.getOffset(), at.getLength());
	}

	private static IHyperlink link(IRegion region, Target t) {
		return new IHyperlink() {
			@Override
			public IRegion getHyperlinkRegion() {
				return region;
			}

			@Override
			public String getTypeLabel() {
				return "Open Definition";
			}

			@Override
			public String getHyperlinkText() {
				return "Open Definition (" + t.file().getName() + ")";
			}

			@Override
			public void open() {
				try {
					IEditorPart ed = IDE.openEditor(
							PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), t.file());
					if (ed instanceof ITextEditor te)
						te.selectAndReveal(t.offset(), t.length());
				} catch (PartInitException e) {
					BregmanUi.log("cannot open " + t.file().getFullPath(), e);
				}
			}
		};
	}
}
