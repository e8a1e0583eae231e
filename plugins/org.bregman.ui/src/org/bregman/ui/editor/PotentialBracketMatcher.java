package org.bregman.ui.editor;

import org.eclipse.jface.text.source.DefaultCharacterPairMatcher;

/** Bracket matching for ( ) { } [ ] ({@code |x|} is symmetric and left out). */
public class PotentialBracketMatcher extends DefaultCharacterPairMatcher {
	public PotentialBracketMatcher() {
		super(new char[] { '(', ')', '{', '}', '[', ']' });
	}
}
