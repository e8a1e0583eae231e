package org.bregman.potential.validation;

import java.io.File;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/** Where a node is in its file and whether the parser reported an error inside it. */
public final class Nodes {
    private Nodes() {
    }

    /**
     * Whether the parser reported an error inside {@code o}: a number that could not be converted (e.g.
     * {@code 1e400}, too large for a double; the AST holds 0 instead) or a syntax error. Such a node is not
     * judged (nor quoted in a suggestion) again.
     */
    public static boolean parseErrorIn(EObject o) {
        if (o == null || o.eResource() == null || o.eResource().getErrors().isEmpty()) return false;
        ICompositeNode n = NodeModelUtils.findActualNodeFor(o);
        if (n == null) return false;
        for (org.eclipse.emf.ecore.resource.Resource.Diagnostic d : o.eResource().getErrors()) {
            if (d instanceof org.eclipse.xtext.diagnostics.AbstractDiagnostic a && a.getOffset() >= n.getOffset()
                    && a.getOffset() < n.getEndOffset()) return true;
        }
        return false;
    }

    /** The first line of an object in its file (1-based), 0 if unknown. */
    public static int line(EObject o) {
        ICompositeNode node = NodeModelUtils.findActualNodeFor(o);
        return node == null ? 0 : node.getStartLine();
    }
    /** A path relative to the .potential file; null when the file is not on disk (e.g. in memory). */
    public static File resolveFile(EObject o, String path) {
        File f = new File(path);
        if (f.isAbsolute()) return f;
        URI uri = o.eResource() == null ? null : o.eResource().getURI();
        if (uri == null || !uri.isFile()) return null;
        File dir = new File(uri.toFileString()).getAbsoluteFile().getParentFile();
        return new File(dir, path);
    }
}
