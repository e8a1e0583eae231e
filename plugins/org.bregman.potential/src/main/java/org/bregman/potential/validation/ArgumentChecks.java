package org.bregman.potential.validation;

import static org.bregman.potential.potential.PotentialPackage.Literals.*;
import static org.bregman.potential.util.AstEval.fmt;
import static org.bregman.potential.validation.IssueCodes.*;
import static org.bregman.potential.validation.Nodes.parseErrorIn;

import java.io.File;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bregman.potential.experiment.Vocabulary.Entry;
import org.bregman.potential.experiment.Vocabulary.Kind;
import org.bregman.potential.experiment.Vocabulary.Param;
import org.bregman.potential.experiment.Vocabulary;
import org.bregman.potential.potential.Arg;
import org.bregman.potential.potential.NumberValue;
import org.bregman.potential.potential.Spec;
import org.bregman.potential.potential.StringValue;
import org.bregman.potential.potential.Value;
import org.bregman.potential.util.PotentialModels;

/**
 * The arguments of a data source, model, loss, initialisation or update rule against its description in the
 * vocabulary: known names, positional and named values, kinds, lower bounds, files that exist.
 */
abstract class ArgumentChecks extends ComposedCheck {
    protected void checkSpec(Spec spec, org.bregman.potential.experiment.Registry<Entry> vocabulary, String what) {
        if (spec == null || spec.getName() == null) return;
        Entry entry = vocabulary.get(spec.getName());
        if (entry == null) {
            error("unknown " + what + " '" + spec.getName() + "'" + PotentialModels.didYouMean(spec.getName(), vocabulary.keySet()) + " (known: "
                    + String.join(", ", vocabulary.keySet()) + ")", spec, SPEC__NAME, UNKNOWN_NAME);
            return;
        }
        if (!entry.supported()) {
            error(what + " " + spec.getName() + " is not yet supported", spec, SPEC__NAME, NOT_SUPPORTED);
            return;
        }
        Set<String> given = new HashSet<>();
        int position = 0;
        boolean named = false;
        List<String> names = entry.params().stream().map(Param::name).toList();
        for (Arg arg : spec.getArgs()) {
            Param param = null;
            if (arg.getName() != null) {
                named = true;
                param = entry.param(arg.getName());
                if (param == null) {
                    error(spec.getName() + " has no argument '" + arg.getName() + "'" + PotentialModels.didYouMean(arg.getName(), names)
                            + (names.isEmpty() ? "; it takes no arguments" : " (its arguments: " + String.join(", ", names) + ")"), arg, ARG__NAME,
                            UNKNOWN_NAME);
                }
            } else if (named) {
                error("a value without a name cannot follow a named argument", arg, null, BAD_VALUE);
            } else if (entry.varargs()) {
                param = entry.params().get(0);
            } else if (position < names.size()) {
                param = entry.params().get(position);
            } else {
                error(spec.getName() + " takes " + (names.isEmpty() ? "no arguments"
                        : "at most " + names.size() + " argument" + (names.size() > 1 ? "s" : "") + " (" + String.join(", ", names) + ")"),
                        arg, null, BAD_VALUE);
            }
            position++;
            if (param != null) {
                if (!entry.varargs() && !given.add(param.name())) {
                    error("argument '" + param.name() + "' is given twice", arg, null, DUPLICATE);
                }
                checkValue(spec, param, arg.getValue());
            }
        }
        for (Param p : entry.params()) {
            if (!p.required()) continue;
            if (entry.varargs() ? spec.getArgs().isEmpty() : !given.contains(p.name())) {
                error(spec.getName() + " needs " + (entry.varargs() ? "at least one " + p.name() + ", e.g. " + spec.getName() + "(256, 256)"
                        : "the argument '" + p.name() + "'"), spec, SPEC__NAME, MISSING_SETTING);
            }
        }
        String violation = entry.constraint() == null ? null : entry.constraint().violation(specNumbers(spec, entry));
        if (violation != null) error(violation, spec, SPEC__NAME, BAD_VALUE);
    }

    /** Numeric arguments of a spec with defaults filled in (positional arguments by position). */
    public static Map<String, Double> specNumbers(Spec spec, Entry entry) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Param p : entry.params()) if (p.defaultValue() instanceof Double d) out.put(p.name(), d);
        int i = 0;
        for (Arg arg : spec.getArgs()) {
            String n = arg.getName() != null ? arg.getName() : i < entry.params().size() ? entry.params().get(i).name() : null;
            if (n != null && arg.getValue() instanceof NumberValue nv) out.put(n, nv.getValue());
            i++;
        }
        return out;
    }

    private void checkValue(Spec spec, Param p, Value v) {
        if (v == null) return;
        if (p.kind() == Kind.WORD) {
            String word = v instanceof org.bregman.potential.potential.WordValue w ? w.getValue() : null;
            if (!p.words().contains(word)) {
                error(p.name() + " must be one of " + String.join(", ", p.words()) + (word == null ? "" : ", not '" + word + "'"), v, null, BAD_VALUE);
            }
            return;
        }
        if (p.kind().isString()) {
            if (!(v instanceof StringValue sv)) {
                error(p.name() + " must be a string in double quotes", v, null, BAD_VALUE);
                return;
            }
            String text = sv.getValue();
            if (p.kind() == Kind.FILE || p.kind() == Kind.DIRECTORY) {
                File f = Nodes.resolveFile(spec, text);
                if (f != null) {
                    boolean ok = p.kind() == Kind.FILE ? f.isFile() : f.isDirectory();
                    if (!ok) {
                        error((p.kind() == Kind.FILE ? "file" : "folder") + " '" + text + "' does not exist (looked for " + f.getPath() + ")", v,
                                STRING_VALUE__VALUE, MISSING_FILE);
                    }
                }
            }
            return;
        }
        if (!(v instanceof NumberValue nv)) {
            error(p.name() + " must be a number" + (v instanceof org.bregman.potential.potential.WordValue w ? ", not '" + w.getValue() + "'" : ""), v, null,
                    BAD_VALUE);
            return;
        }
        if (parseErrorIn(v)) return; // "too large for a double" is the one problem to report
        double d = nv.getValue();
        if (p.kind() == Kind.INTEGER && d != Math.rint(d)) {
            error(p.name() + " must be a whole number, not " + fmt(d), v, NUMBER_VALUE__VALUE, BAD_VALUE);
        } else if (p.kind() == Kind.INTEGER && d > ExperimentLimits.MAX_INT) {
            error(p.name() + " must be at most " + (long) ExperimentLimits.MAX_INT + ", not " + fmt(d), v, NUMBER_VALUE__VALUE, TOO_LARGE);
        } else if (!Double.isNaN(p.min()) && (p.minExclusive() ? !(d > p.min()) : !(d >= p.min()))) {
            error(p.name() + " must be " + (p.minExclusive() ? ">" : ">=") + " " + fmt(p.min()) + ", not " + fmt(d), v, NUMBER_VALUE__VALUE,
                    BAD_VALUE);
        }
    }

}
