package org.bregman.potential.parser;

import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

/**
 * ANTLR's messages ("mismatched input 'x' expecting RULE_ID") in the words of the language
 * ("syntax error at 'x': expected a name").
 */
public class PotentialSyntaxErrors extends SyntaxErrorMessageProvider {

    @Override
    public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
        SyntaxErrorMessage m = super.getSyntaxErrorMessage(context);
        return new SyntaxErrorMessage(reword(m.getMessage()), m.getIssueCode(), m.getIssueData());
    }

    /** Rewords an ANTLR message; public for tests. */
    public static String reword(String antlr) {
        if (antlr == null) return "syntax error";
        String s = antlr
                .replace("RULE_ID", "a name")
                .replace("RULE_NUMBER", "a number")
                .replace("RULE_STRING", "a string in double quotes")
                .replace("'<EOF>'", "the end of the file")
                .replace("<EOF>", "the end of the file")
                .replace("RULE_ANY_OTHER", "an unknown character");
        s = s.replaceFirst("^mismatched input (.*) expecting (.*)$", "syntax error at $1: expected $2")
                .replaceFirst("^missing (.*) at (.*)$", "syntax error at $2: $1 is missing")
                .replaceFirst("^extraneous input (.*) expecting (.*)$", "syntax error: unexpected $1, expected $2")
                .replaceFirst("^no viable alternative at input (.*)$", "syntax error at $1")
                .replaceFirst("^no viable alternative at character (.*)$", "syntax error: unexpected character $1")
                .replaceFirst("^required \\(\\.\\.\\.\\)\\+ loop did not match anything at (input|character) (.*)$",
                        "syntax error at $2");
        if (!s.startsWith("syntax error")) s = "syntax error: " + s;
        return s;
    }
}
