package org.bregman.ui.editor;

import java.util.Map;
import java.util.WeakHashMap;

import org.bregman.ui.PotentialLanguage;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IPath;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.xtext.resource.XtextResource;

/**
 * One parse per document version, shared by highlighting, content assist, hover and outline (all on
 * the UI thread). Callers synchronize on the returned {@link Parsed} while they use its resource:
 * resolving references mutates it.
 */
public final class PotentialDocuments {
	private PotentialDocuments() {
	}

	/** A parse of one version of a document. */
	public static final class Parsed {
		public final long stamp;
		public final String text;
		public final XtextResource resource;

		Parsed(long stamp, String text, XtextResource resource) {
			this.stamp = stamp;
			this.text = text;
			this.resource = resource;
		}
	}

	private static final Map<IDocument, Parsed> CACHE = new WeakHashMap<>();

	public static Parsed get(IDocument document) {
		long stamp = document instanceof IDocumentExtension4 d4 ? d4.getModificationStamp() : -1;
		String text = document.get();
		synchronized (CACHE) {
			Parsed p = CACHE.get(document);
			if (p != null && p.stamp == stamp && p.text.equals(text))
				return p;
		}
		Parsed p = new Parsed(stamp, text, PotentialLanguage.parse(text, uriOf(document)));
		synchronized (CACHE) {
			CACHE.put(document, p);
		}
		return p;
	}

	/** The workspace file a document is the buffer of, or null. */
	public static IFile fileOf(IDocument document) {
		ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
		if (buffer == null)
			return null;
		IPath path = buffer.getLocation();
		if (path == null || path.segmentCount() < 2)
			return null;
		IFile f = ResourcesPlugin.getWorkspace().getRoot().getFile(path);
		return f.exists() ? f : null;
	}

	/** A file URI next to the document's file (so imports resolve), else a scratch URI. */
	public static URI uriOf(IDocument document) {
		IFile f = fileOf(document);
		if (f != null && f.getLocation() != null)
			return URI.createFileURI(f.getLocation().toOSString());
		return PotentialLanguage.scratchUri();
	}
}
