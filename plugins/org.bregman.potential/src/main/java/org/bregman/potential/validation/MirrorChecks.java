package org.bregman.potential.validation;

import static org.bregman.potential.potential.PotentialPackage.Literals.*;
import static org.bregman.potential.util.AstEval.fmt;
import static org.bregman.potential.validation.IssueCodes.*;
import static org.bregman.potential.validation.Nodes.line;
import static org.bregman.potential.validation.Nodes.parseErrorIn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bregman.potential.potential.ArgOverride;
import org.bregman.potential.potential.MirrorUse;
import org.bregman.potential.potential.MirrorsSetting;
import org.bregman.potential.potential.Parameter;
import org.bregman.potential.potential.PotentialDef;
import org.bregman.potential.util.AstEval;
import org.bregman.potential.util.LayerwiseMirrors;
import org.eclipse.xtext.validation.Check;

/**
 * Checks of the mirrors of an experiment: layer-wise mirrors (known layers, each once, all covered), mirrors listed twice, arguments at the use site against
 * the potential's constraints, imported potentials with errors, and the symbolic checks of the bound potential.
 * Composed into {@link PotentialValidator}.
 */
public class MirrorChecks extends ComposedCheck {

    @Check
    public void checkMirrors(MirrorsSetting s) {
        List<String> seen = new ArrayList<>();
        List<String> layers = LayerwiseMirrors.modelLayers(s);
        for (List<MirrorUse> group : LayerwiseMirrors.groups(s)) {
            if (LayerwiseMirrors.layerwise(group)) checkLayerwise(group, layers);
            String key = LayerwiseMirrors.layerwise(group) ? LayerwiseMirrors.label(group) : mirrorKey(group.get(0));
            if (key != null) {
                if (seen.contains(key)) error("mirror " + key + " is listed twice", group.get(0), MIRROR_USE__POTENTIAL, DUPLICATE);
                seen.add(key);
            }
        }
    }

    /** One layer-wise mirror: {@code otherwise} after layers, names of the model's layers, each once, every layer covered. */
    private void checkLayerwise(List<MirrorUse> group, List<String> modelLayers) {
        MirrorUse last = group.get(group.size() - 1);
        if (group.size() == 1 && last.isOtherwise()) {
            error("otherwise needs mirrors for layers \"…\" before it (e.g. QNorm(q = 3) for layers \"0_W\", QNorm(q = 2) otherwise)", last,
                    MIRROR_USE__OTHERWISE, BAD_VALUE);
            return;
        }
        Set<String> named = new HashSet<>();
        for (MirrorUse m : group) {
            for (int i = 0; i < m.getLayers().size(); i++) {
                String layer = m.getLayers().get(i);
                if (modelLayers != null && !modelLayers.contains(layer)) {
                    error("unknown layer \"" + layer + "\": the layers of this model are " + String.join(", ", modelLayers), m, MIRROR_USE__LAYERS, i,
                            UNKNOWN_LAYER);
                } else if (!named.add(layer)) {
                    error("layer \"" + layer + "\" is listed twice in this layer-wise mirror", m, MIRROR_USE__LAYERS, i, DUPLICATE);
                }
            }
        }
        if (modelLayers == null || last.isOtherwise()) return;
        List<String> missing = modelLayers.stream().filter(l -> !named.contains(l)).toList();
        if (!missing.isEmpty()) {
            error("layers " + shortList(missing) + " have no mirror: add a mirror for them with otherwise (e.g. QNorm(q = 2) otherwise)", last,
                    MIRROR_USE__LAYERS, last.getLayers().size() - 1, LAYERS_UNCOVERED);
        }
    }

    /** At most 8 names, then how many more. */
    private static String shortList(List<String> names) {
        if (names.size() <= 8) return String.join(", ", names);
        return String.join(", ", names.subList(0, 8)) + " and " + (names.size() - 8) + " more";
    }

    @Check
    public void checkMirrorUse(MirrorUse use) {
        PotentialDef p = use.getPotential();
        if (p == null || p.eIsProxy()) return;
        Set<Parameter> given = new HashSet<>();
        for (ArgOverride a : use.getArgs()) {
            if (a.getParameter() != null && !a.getParameter().eIsProxy() && !given.add(a.getParameter())) {
                error("argument '" + a.getParameter().getName() + "' is given twice", a, ARG_OVERRIDE__PARAMETER, DUPLICATE);
            }
        }
        if (p.eResource() != null && p.eResource() != use.eResource()) {
            String problem = importedProblem(p);
            if (problem != null) {
                error(p.getName() + " (imported from " + p.eResource().getURI().lastSegment() + ") has errors: " + problem, use,
                        MIRROR_USE__POTENTIAL, UNKNOWN_MIRROR);
                return;
            }
        }
        Map<String, Double> env = effectiveArgs(use);
        boolean violated = false;
        for (ArgOverride a : use.getArgs()) {
            Parameter param = a.getParameter();
            if (param == null || param.eIsProxy() || param.getConstraint() == null || parseErrorIn(a)) continue;
            if (Boolean.FALSE.equals(AstEval.condition(param.getConstraint(), env))) {
                violated = true;
                error(p.getName() + "(" + param.getName() + " = " + fmt(a.getValue()) + "): " + param.getName() + " must satisfy "
                        + AstEval.text(param.getConstraint()), a, ARG_OVERRIDE__VALUE, CONSTRAINT_VIOLATED);
            }
        }
        // a constraint over several parameters may fail through one that keeps its default
        for (Parameter param : p.getParams()) {
            if (param.getConstraint() == null || given.contains(param) || use.getArgs().isEmpty()) continue;
            if (Boolean.FALSE.equals(AstEval.condition(param.getConstraint(), env))) {
                violated = true;
                error(mirrorKey(use) + ": " + AstEval.text(param.getConstraint()) + " does not hold", use, MIRROR_USE__POTENTIAL,
                        CONSTRAINT_VIOLATED);
            }
        }
        boolean linked = use.getArgs().stream().allMatch(a -> a.getParameter() != null && !a.getParameter().eIsProxy());
        if (!violated && linked && !use.getArgs().isEmpty() && !Isolation.broken(use) && Isolation.derivable(p)
                && !ExpressionLimits.exceeded(p)) {
            SymbolicChecks.checkUseSite(use, env, this::reportSymbolic);
        }
    }

    /**
     * The first error of a potential from another file (which this file's validation does not see):
     * a syntax or linking error of that file, a potential that cannot be translated, or a symbolic error.
     */
    private static String importedProblem(PotentialDef p) {
        if (!p.eResource().getErrors().isEmpty()) {
            org.eclipse.emf.ecore.resource.Resource.Diagnostic d = p.eResource().getErrors().get(0);
            return "line " + d.getLine() + ": " + d.getMessage();
        }
        if (ExpressionLimits.exceeded(p)) return "it is over the language's limits on expressions";
        if (org.bregman.potential.translate.PotentialTranslator.translate(p).spec() == null) return "it cannot be translated";
        List<String> problems = new ArrayList<>();
        SymbolicChecks.check(p, (severity, message, node, feature) -> {
            if (!"warning".equals(severity)) problems.add("line " + line(node) + ": " + message);
        });
        return problems.isEmpty() ? null : problems.get(0);
    }

    /** Parameter values of a use site: the defaults, overridden by the arguments. */
    public static Map<String, Double> effectiveArgs(MirrorUse use) {
        Map<String, Double> env = defaults(use.getPotential());
        for (ArgOverride a : use.getArgs()) {
            if (a.getParameter() != null && !a.getParameter().eIsProxy()) env.put(a.getParameter().getName(), a.getValue());
        }
        return env;
    }

    /** Parameter defaults of a potential, in declaration order. */
    public static Map<String, Double> defaults(PotentialDef p) {
        Map<String, Double> env = new LinkedHashMap<>();
        if (p != null && !p.eIsProxy()) {
            for (Parameter param : p.getParams()) if (param.getName() != null) env.put(param.getName(), param.getDefault());
        }
        return env;
    }

    /** "QNorm(q = 10)" with every parameter's effective value: the identity of a mirror. */
    public static String mirrorKey(MirrorUse use) {
        PotentialDef p = use.getPotential();
        if (p == null || p.eIsProxy()) return null;
        Map<String, Double> env = effectiveArgs(use);
        if (env.isEmpty()) return p.getName();
        return p.getName() + "(" + env.entrySet().stream().map(e -> e.getKey() + " = " + fmt(e.getValue())).collect(Collectors.joining(", "))
                + ")";
    }
}
