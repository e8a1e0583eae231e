package org.bregman.potential.util;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bregman.potential.potential.Coordinate;
import org.bregman.potential.potential.Definition;
import org.bregman.potential.potential.DefinitionKind;
import org.bregman.potential.potential.Domain;
import org.bregman.potential.potential.Element;
import org.bregman.potential.potential.Experiment;
import org.bregman.potential.potential.Import;
import org.bregman.potential.potential.Member;
import org.bregman.potential.potential.Model;
import org.bregman.potential.potential.PotentialDef;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;

/** Navigation helpers shared by scoping, validation and translation. Never throws on broken models. */
public final class PotentialModels {
    private PotentialModels() {
    }

    /** The model of a resource, or null. */
    public static Model model(Resource resource) {
        if (resource == null || resource.getContents().isEmpty()) return null;
        EObject root = resource.getContents().get(0);
        return root instanceof Model m ? m : null;
    }

    public static List<PotentialDef> potentials(Model model) {
        return elements(model, PotentialDef.class);
    }

    public static List<Experiment> experiments(Model model) {
        return elements(model, Experiment.class);
    }

    private static <T extends Element> List<T> elements(Model model, Class<T> type) {
        List<T> out = new ArrayList<>();
        if (model == null) return out;
        for (Element e : model.getElements()) {
            if (type.isInstance(e)) out.add(type.cast(e));
        }
        return out;
    }

    /** The definitions of a kind (psi, grad, inverse) in source order. */
    public static List<Definition> definitions(PotentialDef p, DefinitionKind kind) {
        List<Definition> out = new ArrayList<>();
        for (Member m : p.getMembers()) {
            if (m instanceof Definition d && d.getKind() == kind) out.add(d);
        }
        return out;
    }

    /** The first psi definition, or null. */
    public static Definition psi(PotentialDef p) {
        List<Definition> l = definitions(p, DefinitionKind.PSI);
        return l.isEmpty() ? null : l.get(0);
    }

    public static Definition definition(PotentialDef p, DefinitionKind kind) {
        List<Definition> l = definitions(p, kind);
        return l.isEmpty() ? null : l.get(0);
    }

    public static List<Domain> domains(PotentialDef p) {
        List<Domain> out = new ArrayList<>();
        for (Member m : p.getMembers()) {
            if (m instanceof Domain d) out.add(d);
        }
        return out;
    }

    /** The coordinate named in {@code psi(w)}, or null. */
    public static Coordinate coordinate(PotentialDef p) {
        Definition psi = psi(p);
        return psi == null ? null : psi.getCoordinate();
    }

    /**
     * The file an import names, resolved against the importing file; null when the import has no text
     * or the importing resource has no URI.
     */
    public static URI importedUri(Import imp) {
        String text = imp.getImportURI();
        Resource r = imp.eResource();
        if (text == null || text.isBlank() || r == null || r.getURI() == null) return null;
        try {
            URI uri = URI.createURI(text);
            return uri.isRelative() ? uri.resolve(r.getURI()) : uri;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether the file behind a URI exists (only file URIs are checked; others count as existing). */
    public static boolean exists(URI uri) {
        if (uri == null) return false;
        if (uri.isFile()) return new java.io.File(uri.toFileString()).isFile();
        return true;
    }

    /** Loads an imported resource into the importer's resource set, or returns null when it cannot be read. */
    public static Resource load(Import imp) {
        URI uri = importedUri(imp);
        Resource own = imp.eResource();
        if (uri == null || own == null || own.getResourceSet() == null) return null;
        if (uri.isFile() && !exists(uri)) return null;
        ResourceSet rs = own.getResourceSet();
        try {
            Resource r = rs.getResource(uri, true);
            return r != null && !r.getContents().isEmpty() ? r : null;
        } catch (RuntimeException e) {
            // a missing or unreadable file: the validator reports it at the import
            return null;
        }
    }

    /**
     * Potentials visible in a model: its own first, then those of imported files (transitively, each
     * file once), in import order.
     */
    public static List<PotentialDef> visiblePotentials(Model model) {
        List<PotentialDef> out = new ArrayList<>(potentials(model));
        out.addAll(importedPotentials(model));
        return out;
    }

    /** Potentials of imported files (transitively), without the model's own ones. */
    public static List<PotentialDef> importedPotentials(Model model) {
        List<PotentialDef> out = new ArrayList<>();
        if (model == null) return out;
        Set<Resource> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        if (model.eResource() != null) seen.add(model.eResource());
        collectImports(model, seen, out);
        return out;
    }

    private static void collectImports(Model model, Set<Resource> seen, List<PotentialDef> out) {
        for (Import imp : model.getImports()) {
            Resource r = load(imp);
            if (r == null || !seen.add(r)) continue;
            Model m = model(r);
            out.addAll(potentials(m));
            collectImports(m, seen, out);
        }
    }

    /** The model containing an object. */
    public static Model modelOf(EObject o) {
        EObject c = o;
        while (c != null && !(c instanceof Model)) c = c.eContainer();
        return (Model) c;
    }

    /** Names in a set, sorted, for messages. */
    public static String list(Iterable<String> names) {
        Set<String> s = new LinkedHashSet<>();
        names.forEach(s::add);
        return String.join(", ", s);
    }

    /** Case-insensitive Levenshtein distance, for "did you mean". */
    public static int distance(String a, String b) {
        a = a.toLowerCase(java.util.Locale.ROOT);
        b = b.toLowerCase(java.util.Locale.ROOT);
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The closest candidate within a small edit distance, or null. */
    public static String closest(String name, Iterable<String> candidates) {
        if (name == null) return null;
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (c == null) continue;
            int d = distance(name, c);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        int allowed = Math.max(1, Math.min(3, name.length() / 2));
        return bestD <= allowed ? best : null;
    }

    /** ", did you mean 'x'?" or "". */
    public static String didYouMean(String name, Iterable<String> candidates) {
        String c = closest(name, candidates);
        return c == null ? "" : "; did you mean '" + c + "'?";
    }

    /** Keeps insertion order: a tiny convenience for building maps in Xtend. */
    public static <K, V> Map<K, V> orderedMap() {
        return new java.util.LinkedHashMap<>();
    }
}
