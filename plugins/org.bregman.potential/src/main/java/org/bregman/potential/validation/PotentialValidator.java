package org.bregman.potential.validation;

import static org.bregman.potential.potential.PotentialPackage.Literals.*;
import static org.bregman.potential.util.AstEval.fmt;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bregman.potential.experiment.Vocabulary;
import org.bregman.potential.experiment.Vocabulary.Entry;
import org.bregman.potential.experiment.Vocabulary.Kind;
import org.bregman.potential.experiment.Vocabulary.Param;
import org.bregman.potential.potential.Arg;
import org.bregman.potential.potential.ArgOverride;
import org.bregman.potential.potential.BatchSetting;
import org.bregman.potential.potential.Binary;
import org.bregman.potential.potential.Call;
import org.bregman.potential.potential.DataSetting;
import org.bregman.potential.potential.Definition;
import org.bregman.potential.potential.DefinitionKind;
import org.bregman.potential.potential.Domain;
import org.bregman.potential.potential.Element;
import org.bregman.potential.potential.Experiment;
import org.bregman.potential.potential.Expression;
import org.bregman.potential.potential.Import;
import org.bregman.potential.potential.InitSetting;
import org.bregman.potential.potential.LossSetting;
import org.bregman.potential.potential.LrSetting;
import org.bregman.potential.potential.MirrorRate;
import org.bregman.potential.potential.MirrorUse;
import org.bregman.potential.potential.MirrorsSetting;
import org.bregman.potential.potential.Model;
import org.bregman.potential.potential.ModelSetting;
import org.bregman.potential.potential.Not;
import org.bregman.potential.potential.NumberValue;
import org.bregman.potential.potential.Parameter;
import org.bregman.potential.potential.PotentialDef;
import org.bregman.potential.potential.ReportItem;
import org.bregman.potential.potential.ReportSetting;
import org.bregman.potential.potential.Setting;
import org.bregman.potential.potential.Spec;
import org.bregman.potential.potential.StopBinary;
import org.bregman.potential.potential.StopCompare;
import org.bregman.potential.potential.StopExpr;
import org.bregman.potential.potential.StringValue;
import org.bregman.potential.potential.UntilSetting;
import org.bregman.potential.potential.Value;
import org.bregman.potential.util.AstEval;
import org.bregman.potential.util.PotentialModels;
import org.bregman.symbolic.Func;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.eclipse.xtext.validation.ComposedChecks;

/**
 * The language's checks. Each message names the construct as the researcher wrote it and, where it
 * helps, what to write instead. Symbolic checks (operation domains, convexity, overrides) are in
 * {@link SymbolicChecks}, called from {@link #checkDerivation} and {@link #checkMirrorUse}.
 */
@ComposedChecks(validators = InitChecks.class)
public class PotentialValidator extends AbstractPotentialValidator {

    public static final String DUPLICATE = "duplicate";
    public static final String MISSING_PSI = "missingPsi";
    public static final String NOT_SUPPORTED = "notYetSupported";
    public static final String UNKNOWN_FUNCTION = "unknownFunction";
    public static final String ARITY = "arity";
    public static final String NOT_A_CONDITION = "notACondition";
    public static final String NOT_A_NUMBER = "notANumber";
    public static final String CONSTRAINT_VIOLATED = "constraintViolated";
    public static final String BAD_DOMAIN = "badDomain";
    public static final String MISSING_FILE = "missingFile";
    public static final String UNKNOWN_NAME = "unknownName";
    public static final String BAD_VALUE = "badValue";
    public static final String MISSING_SETTING = "missingSetting";
    public static final String NEVER_STOPS = "neverStops";
    public static final String UNKNOWN_MIRROR = "unknownMirror";
    public static final String SYMBOLIC = "symbolic";
    public static final String IMPORT_PROBLEM = "importProblem";
    public static final String NOT_APPLICABLE = "notApplicable";
    public static final String HOLDS_AT_ONCE = "holdsAtOnce";

    /** Functions reserved for non-separable potentials (a later version). */
    public static final Map<String, String> RESERVED_FUNCTIONS = Map.of(
            "sum", "sum(…), a reduction over coordinates,",
            "norm", "norm(w, p), a non-separable potential,");

    // ------------------------------------------------------------ file level

    public static final String STRAY_CHARACTER = "strayCharacter";

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

    public static final String TOO_LARGE = "tooLarge";

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

    /** Expressions within the language's limits (depth, size, nested calls) before anything derives them. */
    @Check
    public void checkLimits(PotentialDef p) {
        for (Parameter param : p.getParams()) limit(param.getConstraint());
        for (Domain d : PotentialModels.domains(p)) limit(d.getCondition());
        for (DefinitionKind kind : DefinitionKind.VALUES) {
            for (Definition d : PotentialModels.definitions(p, kind)) limit(d.getBody());
        }
    }

    private void limit(Expression e) {
        ExpressionLimits.Violation v = ExpressionLimits.violation(e);
        if (v != null) error(v.message(), v.node(), null, TOO_LARGE);
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

    // ------------------------------------------------------------ potentials

    @Check
    public void checkPotentialStructure(PotentialDef p) {
        Map<String, EObject> names = new HashMap<>();
        for (Parameter param : p.getParams()) {
            if (param.getName() == null) continue;
            if (names.containsKey(param.getName())) {
                error("duplicate parameter '" + param.getName() + "' in " + p.getName(), param, SYMBOL__NAME, DUPLICATE);
            } else {
                names.put(param.getName(), param);
            }
        }
        List<Definition> psis = PotentialModels.definitions(p, DefinitionKind.PSI);
        if (psis.isEmpty() && p.getName() != null) {
            error("potential " + p.getName() + " has no psi: add a line such as psi(w) = w^2 / 2", p, ELEMENT__NAME, MISSING_PSI);
        }
        for (DefinitionKind kind : DefinitionKind.VALUES) {
            List<Definition> defs = PotentialModels.definitions(p, kind);
            for (Definition d : defs.subList(Math.min(1, defs.size()), defs.size())) {
                error(p.getName() + " defines " + kind.getLiteral() + " twice (first at line " + line(defs.get(0)) + ")", d, DEFINITION__KIND,
                        DUPLICATE);
            }
        }
        List<Domain> domains = PotentialModels.domains(p);
        for (Domain d : domains.subList(Math.min(1, domains.size()), domains.size())) {
            error(p.getName() + " has two domain lines (first at line " + line(domains.get(0))
                    + "): join them with and, e.g. domain 0 < w and w < 1", d, null, DUPLICATE);
        }
        for (Definition d : PotentialModels.definitions(p, DefinitionKind.PSI)) checkCoordinateName(p, d, names);
        for (Definition d : PotentialModels.definitions(p, DefinitionKind.GRAD)) checkCoordinateName(p, d, names);
        for (Definition d : PotentialModels.definitions(p, DefinitionKind.INVERSE)) checkCoordinateName(p, d, names);
    }

    private void checkCoordinateName(PotentialDef p, Definition d, Map<String, EObject> params) {
        if (d.getCoordinate() != null && params.containsKey(d.getCoordinate().getName())) {
            error("the coordinate '" + d.getCoordinate().getName() + "' has the name of a parameter of " + p.getName()
                    + ": rename one of them", d.getCoordinate(), SYMBOL__NAME, DUPLICATE);
        }
    }

    @Check
    public void checkTimeVarying(Definition d) {
        if (!d.getExtra().isEmpty()) {
            String extra = d.getExtra().stream().map(c -> c.getName()).collect(Collectors.joining(", "));
            error("time-varying potentials such as " + d.getKind().getLiteral() + "(" + (d.getCoordinate() == null ? "w" : d.getCoordinate().getName())
                    + "; " + extra + ") are not yet supported", d.getExtra().get(0), null, NOT_SUPPORTED);
        }
    }

    @Check
    public void checkParameter(Parameter param) {
        if (!Double.isFinite(param.getDefault()) || parseErrorIn(param)) return;
        Expression constraint = param.getConstraint();
        if (constraint == null || !(param.eContainer() instanceof PotentialDef p)) return;
        if (!AstEval.isCondition(constraint)) return; // reported by checkExpressionKind
        Boolean ok = AstEval.condition(constraint, defaults(p));
        if (Boolean.FALSE.equals(ok)) {
            error("the default " + param.getName() + " = " + fmt(param.getDefault()) + " violates its constraint " + AstEval.text(constraint),
                    param, PARAMETER__DEFAULT, CONSTRAINT_VIOLATED);
        }
    }

    /** Numbers where a number is expected, conditions where a condition is. */
    @Check
    public void checkExpressionKind(Expression e) {
        EObject container = e.eContainer();
        EStructuralFeature feature = e.eContainingFeature();
        boolean conditionExpected = container instanceof Domain || feature == PARAMETER__CONSTRAINT || container instanceof Not
                || (container instanceof Binary b && ("and".equals(b.getOp()) || "or".equals(b.getOp())));
        boolean cond = AstEval.isCondition(e);
        if (cond && !conditionExpected) {
            error(AstEval.text(e) + " is a condition; a number is expected here", e, null, NOT_A_NUMBER);
        } else if (!cond && conditionExpected) {
            error(AstEval.text(e) + " is a number; a condition such as " + AstEval.text(e) + " > 0 is expected here", e, null,
                    NOT_A_CONDITION);
        }
    }

    @Check
    public void checkCall(Call call) {
        String name = call.getFunction();
        if (name == null) return;
        String reserved = RESERVED_FUNCTIONS.get(name);
        if (reserved != null) {
            error(reserved + " is reserved for a later version: not yet supported", call, CALL__FUNCTION, NOT_SUPPORTED);
            return;
        }
        Func f = Func.byName(name);
        if (f == null) {
            List<String> known = new ArrayList<>();
            for (Func g : Func.inTheLanguage()) known.add(g.symbol());
            error("unknown function '" + name + "'" + PotentialModels.didYouMean(name, known) + " (functions: " + String.join(" ", known) + ")",
                    call, CALL__FUNCTION, UNKNOWN_FUNCTION);
            return;
        }
        if (call.getArgs().size() != f.arity()) {
            error(name + " takes " + f.arity() + " argument" + (f.arity() != 1 ? "s" : "") + ", not " + call.getArgs().size(), call,
                    CALL__FUNCTION, ARITY);
        }
    }

    @Check
    public void checkDomain(Domain d) {
        if (!(d.eContainer() instanceof PotentialDef p)) return;
        if (d.getCondition() == null || !AstEval.isCondition(d.getCondition())) return; // syntax / kind errors elsewhere
        if (ExpressionLimits.violation(d.getCondition()) != null) return; // checkLimits
        Map.Entry<EObject, String> problem = DomainAnalysis.problem(d, PotentialModels.coordinate(p));
        if (problem != null) error(problem.getValue(), problem.getKey() == null ? d : problem.getKey(), null, BAD_DOMAIN);
    }

    /** Operation domains, strict convexity and overrides (the symbolic engine). */
    @Check(CheckType.NORMAL)
    public void checkDerivation(PotentialDef p) {
        if (!Isolation.derivable(p)) return; // a syntax/linking error inside p, or a bad default, is reported on its own
        if (ExpressionLimits.exceeded(p)) return; // checkLimits has said why; the engine never sees it
        SymbolicChecks.check(p, this::report);
    }

    private void report(String severity, String message, EObject node, String feature) {
        EStructuralFeature f = feature == null ? null : node.eClass().getEStructuralFeature(feature);
        if ("warning".equals(severity)) {
            warning(message, node, f, SYMBOLIC);
        } else {
            error(message, node, f, SYMBOLIC);
        }
    }

    // ------------------------------------------------------------ experiments

    @Check
    public void checkSettings(Experiment x) {
        Map<String, Setting> seen = new HashMap<>();
        for (Setting s : x.getSettings()) {
            String k = keyword(s);
            Setting first = seen.get(k);
            if (first != null) {
                error("experiment " + x.getName() + " has two " + k + " settings (first at line " + line(first) + ")", s, null, DUPLICATE);
            } else {
                seen.put(k, s);
            }
        }
        List<String> missing = Vocabulary.REQUIRED_SETTINGS.stream().filter(k -> !seen.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            error("experiment " + x.getName() + " needs " + String.join(", ", missing), x, ELEMENT__NAME, MISSING_SETTING);
        }
        String model = seen.get("model") instanceof ModelSetting m && m.getModel() != null ? m.getModel().getName() : null;
        String data = seen.get("data") instanceof DataSetting ds && ds.getSource() != null ? ds.getSource().getName() : null;
        for (Setting s : x.getSettings()) {
            if (!(s instanceof ReportSetting r)) continue;
            for (ReportItem item : r.getItems()) {
                if ("exact".equals(item.getName()) && model != null && !"linear".equals(model) && Vocabulary.MODELS.containsKey(model)) {
                    warning("report exact needs model linear (the exact Bregman minimiser is computed for linear models only)", item,
                            REPORT_ITEM__NAME, NOT_APPLICABLE);
                }
                if (("accuracy".equals(item.getName()) || "margin".equals(item.getName())) && "regression".equals(data)) {
                    warning("report " + item.getName() + " is meant for classification; regression data has real-valued targets", item,
                            REPORT_ITEM__NAME, NOT_APPLICABLE);
                }
            }
        }
    }

    /** Runs, data and model sizes within the limits and this JVM's memory, before anything is allocated. */
    @Check
    public void checkSizes(Experiment x) {
        for (ExperimentLimits.Problem p : ExperimentLimits.check(x, Runtime.getRuntime().maxMemory())) {
            error(p.message(), p.node(), null, TOO_LARGE);
        }
    }

    /** The keyword of a setting, as written. */
    public static String keyword(Setting s) {
        if (s instanceof DataSetting) return "data";
        if (s instanceof ModelSetting) return "model";
        if (s instanceof LossSetting) return "loss";
        if (s instanceof MirrorsSetting) return "mirrors";
        if (s instanceof org.bregman.potential.potential.OptimizersSetting) return "optimizers";
        if (s instanceof InitSetting) return "init";
        if (s instanceof LrSetting) return "lr";
        if (s instanceof BatchSetting) return "batch";
        if (s instanceof UntilSetting) return "until";
        if (s instanceof ReportSetting) return "report";
        return s.eClass().getName();
    }

    @Check
    public void checkData(DataSetting s) {
        checkSpec(s.getSource(), Vocabulary.DATA, "data source");
    }

    @Check
    public void checkModel(ModelSetting s) {
        checkSpec(s.getModel(), Vocabulary.MODELS, "model");
    }

    @Check
    public void checkLoss(LossSetting s) {
        checkSpec(s.getLoss(), Vocabulary.LOSSES, "loss");
    }

    private void checkSpec(Spec spec, Map<String, Entry> vocabulary, String what) {
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
        if ("uniform".equals(entry.name())) {
            Map<String, Double> v = specNumbers(spec, entry);
            if (v.get("a") != null && v.get("b") != null && !(v.get("a") <= v.get("b"))) {
                error("uniform(a, b) needs a <= b (a = b puts every weight at a)", spec, SPEC__NAME, BAD_VALUE);
            }
        }
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
        if (p.kind().isString()) {
            if (!(v instanceof StringValue sv)) {
                error(p.name() + " must be a string in double quotes", v, null, BAD_VALUE);
                return;
            }
            String text = sv.getValue();
            if (p.kind() == Kind.FILE || p.kind() == Kind.DIRECTORY) {
                File f = resolveFile(spec, text);
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
            error(p.name() + " must be a number", v, null, BAD_VALUE);
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

    /** A path relative to the .potential file; null when the file is not on disk (e.g. in memory). */
    public static File resolveFile(EObject o, String path) {
        File f = new File(path);
        if (f.isAbsolute()) return f;
        URI uri = o.eResource() == null ? null : o.eResource().getURI();
        if (uri == null || !uri.isFile()) return null;
        File dir = new File(uri.toFileString()).getAbsoluteFile().getParentFile();
        return new File(dir, path);
    }

    @Check
    public void checkMirrors(MirrorsSetting s) {
        List<String> seen = new ArrayList<>();
        for (MirrorUse m : s.getMirrors()) {
            if (!m.getLayers().isEmpty() || m.isOtherwise()) {
                error("layer-wise mirrors (" + (m.isOtherwise() ? "otherwise" : "for layers") + ") are not yet supported", m,
                        m.isOtherwise() ? MIRROR_USE__OTHERWISE : MIRROR_USE__LAYERS, NOT_SUPPORTED);
            }
            String key = mirrorKey(m);
            if (key != null) {
                if (seen.contains(key)) error("mirror " + key + " is listed twice", m, MIRROR_USE__POTENTIAL, DUPLICATE);
                seen.add(key);
            }
        }
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
            SymbolicChecks.checkUseSite(use, env, this::report);
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

    @Check
    public void checkInit(InitSetting s) {
        checkSpec(s.getDistribution(), Vocabulary.INITS, "initialisation");
        List<Double> seeds = s.getSeeds();
        for (int i = 0; i < seeds.size(); i++) {
            double v = seeds.get(i);
            if (v != Math.rint(v) || v < 0) error("a seed must be a whole number >= 0, not " + fmt(v), s, INIT_SETTING__SEEDS, i, BAD_VALUE);
            else if (v > ExperimentLimits.MAX_INT) {
                error("a seed must be at most " + (long) ExperimentLimits.MAX_INT + ", not " + fmt(v), s, INIT_SETTING__SEEDS, i, TOO_LARGE);
            }
        }
        if (s.isRange() && seeds.size() == 2 && seeds.get(0) > seeds.get(1)) {
            error("seeds " + fmt(seeds.get(0)) + " .. " + fmt(seeds.get(1)) + " is empty: write seeds " + fmt(seeds.get(1)) + " .. "
                    + fmt(seeds.get(0)), s, INIT_SETTING__SEEDS, 0, BAD_VALUE);
        }
        if (!s.isRange()) {
            Set<Double> seen = new HashSet<>();
            for (int i = 0; i < seeds.size(); i++) {
                if (!seen.add(seeds.get(i))) warning("seed " + fmt(seeds.get(i)) + " is listed twice", s, INIT_SETTING__SEEDS, i, DUPLICATE);
            }
        }
    }

    /** Built-in update rules: known names, valid arguments (e.g. eps > 0), none listed twice. */
    @Check
    public void checkOptimizers(org.bregman.potential.potential.OptimizersSetting s) {
        Set<String> seen = new HashSet<>();
        for (Spec o : s.getOptimizers()) {
            checkSpec(o, Vocabulary.OPTIMIZERS, "optimizer");
            Entry e = Vocabulary.OPTIMIZERS.get(o.getName());
            if (e != null && !seen.add(o.getName() + specNumbers(o, e))) error(o.getName() + " is listed twice with the same arguments", o, null, DUPLICATE);
        }
    }

    @Check
    public void checkLr(LrSetting s) {
        if (!s.isAuto() && !(s.getRate() > 0) && !parseErrorIn(s)) error("the learning rate must be > 0, not " + fmt(s.getRate()), s, LR_SETTING__RATE, BAD_VALUE);
        if (!(s.eContainer() instanceof Experiment x)) return;
        List<String> mirrors = new ArrayList<>();
        for (Setting st : x.getSettings()) {
            if (st instanceof MirrorsSetting ms) {
                for (MirrorUse m : ms.getMirrors()) {
                    String k = mirrorKey(m);
                    if (k != null) mirrors.add(k);
                }
            }
        }
        Set<String> seen = new HashSet<>();
        for (MirrorRate r : s.getRates()) {
            if (!(r.getRate() > 0)) error("the learning rate must be > 0, not " + fmt(r.getRate()), r, MIRROR_RATE__RATE, BAD_VALUE);
            MirrorUse m = r.getMirror();
            if (m == null) continue;
            if (!m.getLayers().isEmpty() || m.isOtherwise()) {
                error("a per-mirror learning rate names a mirror, without for layers / otherwise", m, null, BAD_VALUE);
            }
            String key = mirrorKey(m);
            if (key == null) continue;
            if (!mirrors.contains(key)) {
                error(key + " is not one of the mirrors of " + x.getName() + (mirrors.isEmpty() ? "" : " (" + String.join(", ", mirrors) + ")"), m,
                        MIRROR_USE__POTENTIAL, UNKNOWN_MIRROR);
            }
            if (!seen.add(key)) error(key + " has two learning rates", r, null, DUPLICATE);
        }
    }

    @Check
    public void checkBatch(BatchSetting s) {
        if (parseErrorIn(s)) return;
        if (s.getSize() > ExperimentLimits.MAX_INT) {
            error("batch must be at most " + (long) ExperimentLimits.MAX_INT + ", not " + fmt(s.getSize()), s, BATCH_SETTING__SIZE, TOO_LARGE);
        } else if (s.getSize() != Math.rint(s.getSize()) || s.getSize() < 1) {
            error("batch must be a whole number >= 1, not " + fmt(s.getSize()), s, BATCH_SETTING__SIZE, BAD_VALUE);
        }
    }

    @Check
    public void checkUntil(UntilSetting s) {
        if (s.getCondition() == null || parseErrorIn(s)) return;
        for (java.util.Iterator<EObject> it = s.eAllContents(); it.hasNext();) {
            // a comparison without its number (until loss != loss) is a syntax error: no suggestion quoting it
            if (it.next() instanceof StopCompare c
                    && NodeModelUtils.findNodesForFeature(c, STOP_COMPARE__VALUE).stream().allMatch(n -> n.getText().isBlank())) return;
        }
        if (!bounded(s.getCondition())) {
            error("this until may never stop: each alternative joined by or needs a bound on epochs or steps, e.g. until "
                    + AstEval.text(s.getCondition()) + " or epochs >= 1000", s, UNTIL_SETTING__CONDITION, NEVER_STOPS);
        }
    }

    @Check
    public void checkStop(StopCompare c) {
        String m = c.getMetric();
        if (m == null) return;
        if (!Vocabulary.METRICS.contains(m)) {
            error("unknown quantity '" + m + "' in until" + PotentialModels.didYouMean(m, Vocabulary.METRICS) + " (known: "
                    + String.join(", ", Vocabulary.METRICS) + ")", c, STOP_COMPARE__METRIC, UNKNOWN_NAME);
            return;
        }
        double v = c.getValue();
        String op = c.getOp().getLiteral();
        if (Vocabulary.COUNTERS.contains(m) && v != Math.rint(v)) {
            error(m + " is a whole number: compare it with a whole number, not " + fmt(v), c, STOP_COMPARE__VALUE, BAD_VALUE);
            return;
        }
        if (Vocabulary.COUNTERS.contains(m) && (("<".equals(op) && v > 0) || ("<=".equals(op) && v >= 0) || "!=".equals(op))) {
            warning(m + " " + op + " " + fmt(v) + " already holds when training starts: every run stops before its first step", c,
                    STOP_COMPARE__VALUE, HOLDS_AT_ONCE);
        }
        boolean belowZero = ("<".equals(op) && v <= 0) || ("<=".equals(op) && v < 0) || ("==".equals(op) && v < 0);
        boolean aboveOne = Vocabulary.FRACTIONS.contains(m) && ((">".equals(op) && v >= 1) || (">=".equals(op) && v > 1) || ("==".equals(op) && v > 1));
        if (belowZero || aboveOne) {
            error(m + " " + op + " " + fmt(v) + " can never hold" + (Vocabulary.FRACTIONS.contains(m) ? " (" + m + " is between 0 and 1)" : ""),
                    c, STOP_COMPARE__VALUE, BAD_VALUE);
        }
    }

    /**
     * Whether a stopping condition is sure to become true: some alternative of an or must compare
     * epochs or steps (epochs >= N), and in an and both sides must. (epochs < N holds at once: a warning.)
     */
    public static boolean bounded(StopExpr e) {
        if (e instanceof StopBinary b) {
            return "or".equals(b.getOp()) ? bounded(b.getLeft()) || bounded(b.getRight()) : bounded(b.getLeft()) && bounded(b.getRight());
        }
        if (e instanceof StopCompare c) {
            return c.getMetric() != null && Vocabulary.COUNTERS.contains(c.getMetric()) && c.getOp() != null
                    && List.of(">=", ">", "==", "<", "<=", "!=").contains(c.getOp().getLiteral());
        }
        return false;
    }

    @Check
    public void checkReport(ReportSetting s) {
        Set<String> seen = new HashSet<>();
        for (ReportItem item : s.getItems()) {
            if (item.getName() == null) continue;
            if (!Vocabulary.REPORTS.contains(item.getName())) {
                error("unknown report '" + item.getName() + "'" + PotentialModels.didYouMean(item.getName(), Vocabulary.REPORTS) + " (known: "
                        + String.join(", ", Vocabulary.REPORTS) + ")", item, REPORT_ITEM__NAME, UNKNOWN_NAME);
            } else if (!seen.add(item.getName())) {
                warning("report " + item.getName() + " is listed twice", item, REPORT_ITEM__NAME, DUPLICATE);
            }
        }
    }

    // ------------------------------------------------------------ helpers

    /**
     * Whether the parser reported an error inside {@code o}: a number that could not be converted (e.g.
     * {@code 1e400}, too large for a double; the AST holds 0 instead) or a syntax error. Such a node is not
     * judged (nor quoted in a suggestion) again.
     */
    static boolean parseErrorIn(EObject o) {
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
}
