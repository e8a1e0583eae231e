package org.bregman.potential.validation;

import static org.bregman.potential.potential.PotentialPackage.Literals.*;
import static org.bregman.potential.validation.IssueCodes.*;
import static org.bregman.potential.validation.Nodes.line;

import java.util.HashMap;
import java.util.Map;

import org.bregman.potential.potential.Element;
import org.bregman.potential.potential.Experiment;
import org.bregman.potential.potential.Import;
import org.bregman.potential.potential.Model;
import org.bregman.potential.potential.PotentialDef;
import org.bregman.potential.util.PotentialModels;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;

/**
 * Checks of a file as a whole: characters the language has no use for, nesting of parentheses, unique names,
 * imports. Composed into {@link PotentialValidator}.
 */
public class FileChecks extends ComposedCheck {

    /**
     * Characters the language has no use for ('#', a Unicode minus, '²' …) make ANTLR complain about
     * the tokens around them; this names the character itself, at its own position, and what to write.
     */
    @Check
    public void checkStrayCharacters(Model model) {
        ICompositeNode root = NodeModelUtils.getNode(model);
        if (root == null) return;
        for (org.eclipse.xtext.nodemodel.ILeafNode leaf : root.getLeafNodes()) {
            if (leaf.isHidden() || leaf.getLength() != 1) continue;
            boolean anyOther = leaf.getGrammarElement() instanceof org.eclipse.xtext.TerminalRule r && "ANY_OTHER".equals(r.getName());
            char c = leaf.getText().charAt(0);
            if (!anyOther && VALID_CHARACTERS.indexOf(c) >= 0) continue;
            if (!anyOther && (Character.isLetterOrDigit(c) || Character.isWhitespace(c))) continue;
            String hint = switch (c) {
                case '\u2212', '\u2013', '\u2014' -> ": write - for minus";
                case '\u00d7', '\u00b7', '\u22c5' -> ": write * for multiplication";
                case '\u00b2' -> ": write ^2";
                case '\u00b3' -> ": write ^3";
                case '\u2264' -> ": write <=";
                case '\u2265' -> ": write >=";
                case '\u2260' -> ": write !=";
                case '!' -> ": write not, or != for 'not equal'";
                case '&' -> ": write and";
                case '\'' -> ": strings use double quotes";
                case '[', ']' -> ": use parentheses";
                default -> "";
            };
            String shown = c < 0x20 || c > 0x7e ? String.format("'%c' (U+%04X)", c, (int) c) : "'" + c + "'";
            getMessageAcceptor().acceptError("unexpected character " + shown + hint, model, leaf.getOffset(), 1, STRAY_CHARACTER);
        }
    }

    private static final String VALID_CHARACTERS = "()+-*/^|{}=<>,;:.\"_";

    /** Parentheses nested deeper than the language's limit, reported at the first one too many. */
    @Check
    public void checkParentheses(Model model) {
        ICompositeNode root = NodeModelUtils.getNode(model);
        if (root == null) return;
        int depth = 0;
        for (org.eclipse.xtext.nodemodel.ILeafNode leaf : root.getLeafNodes()) {
            if (leaf.isHidden() || leaf.getLength() != 1) continue;
            char c = leaf.getText().charAt(0);
            if (c == ')' && depth > 0) depth--;
            if (c == '(' && ++depth > ExpressionLimits.MAX_PARENTHESES) {
                getMessageAcceptor().acceptError("more than " + ExpressionLimits.MAX_PARENTHESES
                        + " parentheses inside one another (the language's limit)", model, leaf.getOffset(), 1, TOO_LARGE);
                return;
            }
        }
    }
    @Check
    public void checkUniqueNames(Model model) {
        Map<String, EObject> seen = new HashMap<>();
        for (Element e : model.getElements()) {
            String name = e instanceof PotentialDef p ? p.getName() : e instanceof Experiment x ? x.getName() : null;
            if (name == null) continue;
            EObject first = seen.get(name);
            if (first != null) {
                boolean pot = e instanceof PotentialDef;
                error("duplicate " + (pot ? "potential" : "experiment") + " name '" + name + "' (first defined at line " + line(first) + ")",
                        e, pot ? ELEMENT__NAME : ELEMENT__NAME, DUPLICATE);
            } else {
                seen.put(name, e);
            }
        }
        Map<String, PotentialDef> imported = new HashMap<>();
        for (PotentialDef p : PotentialModels.importedPotentials(model)) imported.putIfAbsent(p.getName(), p);
        for (PotentialDef p : PotentialModels.potentials(model)) {
            PotentialDef other = imported.get(p.getName());
            if (other != null && other.eResource() != null) {
                warning("potential '" + p.getName() + "' hides the one of the same name in " + other.eResource().getURI().lastSegment(),
                        p, ELEMENT__NAME, DUPLICATE);
            }
        }
    }

    @Check
    public void checkImport(Import imp) {
        String text = imp.getImportURI();
        if (text == null || text.isBlank()) {
            error("import needs a file name, e.g. import \"potentials.potential\"", imp, IMPORT__IMPORT_URI, MISSING_FILE);
            return;
        }
        if (!text.endsWith(".potential")) {
            error("only .potential files can be imported, not '" + text + "'", imp, IMPORT__IMPORT_URI, MISSING_FILE);
            return;
        }
        URI uri = PotentialModels.importedUri(imp);
        if (uri == null) {
            error("cannot resolve the import '" + text + "'", imp, IMPORT__IMPORT_URI, MISSING_FILE);
        } else if (uri.isFile() && !PotentialModels.exists(uri)) {
            error("imported file '" + text + "' does not exist (looked for " + uri.toFileString() + ")", imp, IMPORT__IMPORT_URI, MISSING_FILE);
        } else if (uri.equals(imp.eResource().getURI())) {
            warning("a file does not need to import itself", imp, IMPORT__IMPORT_URI, IMPORT_PROBLEM);
        } else if (uri.isFile() && PotentialModels.load(imp) == null) {
            error("imported file '" + text + "' cannot be read", imp, IMPORT__IMPORT_URI, MISSING_FILE);
        } else if (uri.isFile()) {
            Model m = PotentialModels.model(PotentialModels.load(imp));
            if (m != null && m.eResource() != null && hasErrors(m)) {
                warning("imported file '" + text + "' has errors; check it on its own", imp, IMPORT__IMPORT_URI, IMPORT_PROBLEM);
            }
        }
    }

    private static boolean hasErrors(Model m) {
        return !m.eResource().getErrors().isEmpty();
    }
}
