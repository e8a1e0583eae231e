package org.bregman.potential.api;

import java.nio.file.Path;
import java.util.Map;

import org.bregman.potential.potential.PotentialDef;
import org.bregman.symbolic.Expr;
import org.bregman.symbolic.PotentialSpec;
import org.eclipse.emf.ecore.EObject;

/**
 * A potential of a loaded file: its symbolic spec (null when the potential has errors that prevent
 * translation), its doc comment (without the comment markers, or null), where it is, and the AST.
 * {@link #origins} maps the spec's expression nodes (by identity) to AST nodes;
 * {@link #locate(Expr)} turns a node into a {@code line:column}.
 */
public record ResolvedPotential(String name, String doc, Path file, int line, int column, PotentialSpec spec,
        PotentialDef ast, Map<Expr, EObject> origins) {

    /** Where an expression node of {@link #spec} was written, or the potential's own location. */
    public Location locate(Expr node) {
        EObject o = node == null ? null : origins.get(node);
        Location l = o == null ? null : Location.of(o);
        return l != null ? l : new Location(file, line, column);
    }

    /** A position in a file (1-based). */
    public record Location(Path file, int line, int column) {
        static Location of(EObject o) {
            org.eclipse.xtext.nodemodel.ICompositeNode n = org.eclipse.xtext.nodemodel.util.NodeModelUtils.findActualNodeFor(o);
            if (n == null || o.eResource() == null) return null;
            org.eclipse.xtext.util.LineAndColumn lc = org.eclipse.xtext.nodemodel.util.NodeModelUtils.getLineAndColumn(n, n.getOffset());
            return new Location(PotentialWorkspace.path(o.eResource().getURI()), lc.getLine(), lc.getColumn());
        }

        @Override
        public String toString() {
            return file + ":" + line + ":" + column;
        }
    }
}
