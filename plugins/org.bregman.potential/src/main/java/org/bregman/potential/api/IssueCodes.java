package org.bregman.potential.api;

import org.eclipse.xtext.validation.Issue;

/**
 * The codes of {@link Diagnostic}s that do not come from the validator's own checks (whose codes are
 * the constants of {@code PotentialValidator} and {@code InitChecks}). Stable strings: tools match on
 * them ({@code bregman check --json}).
 */
final class IssueCodes {
    private IssueCodes() {
    }

    static final String SYNTAX = "syntax";
    static final String UNRESOLVED_REFERENCE = "unresolvedReference";
    static final String FILE_NOT_FOUND = "fileNotFound";
    static final String UNREADABLE = "unreadable";
    static final String TOO_DEEP = "tooDeep";
    static final String TOO_LARGE = "tooLarge";
    static final String INTERNAL = "internal";

    /** The stable code of an Xtext issue: Xtext's syntax and linking codes shortened, the validator's as they are. */
    static String of(Issue issue) {
        String code = issue.getCode();
        if (code == null) return Diagnostic.UNSPECIFIED;
        if (code.startsWith(org.eclipse.xtext.diagnostics.Diagnostic.SYNTAX_DIAGNOSTIC)) return SYNTAX;
        if (code.startsWith(org.eclipse.xtext.diagnostics.Diagnostic.LINKING_DIAGNOSTIC)) return UNRESOLVED_REFERENCE;
        return code;
    }
}
