package org.bregman.potential.validation;

/**
 * The codes of diagnostics, the validator's and the workspace's own (the quick fixes and {@code bregman check --json} match on them): stable
 * strings, one place.
 */
public final class IssueCodes {
    private IssueCodes() {
    }

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
    public static final String STRAY_CHARACTER = "strayCharacter";
    public static final String TOO_LARGE = "tooLarge";
    public static final String INIT_OUTSIDE_DOMAIN = "initOutsideDomain";
    public static final String UNKNOWN_LAYER = "unknownLayer";
    public static final String LAYERS_UNCOVERED = "layersUncovered";

    // codes of diagnostics that do not come from the checks
    public static final String SYNTAX = "syntax";
    public static final String UNRESOLVED_REFERENCE = "unresolvedReference";
    public static final String FILE_NOT_FOUND = "fileNotFound";
    public static final String UNREADABLE = "unreadable";
    public static final String TOO_DEEP = "tooDeep";
    public static final String INTERNAL = "internal";

    /** The stable code of an Xtext issue: Xtext's syntax and linking codes shortened, the validator's as they are. */
    public static String of(org.eclipse.xtext.validation.Issue issue) {
        String code = issue.getCode();
        if (code == null) return org.bregman.potential.api.Diagnostic.UNSPECIFIED;
        if (code.startsWith(org.eclipse.xtext.diagnostics.Diagnostic.SYNTAX_DIAGNOSTIC)) return SYNTAX;
        if (code.startsWith(org.eclipse.xtext.diagnostics.Diagnostic.LINKING_DIAGNOSTIC)) return UNRESOLVED_REFERENCE;
        return code;
    }
}
