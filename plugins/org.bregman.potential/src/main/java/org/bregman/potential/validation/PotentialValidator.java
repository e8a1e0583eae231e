package org.bregman.potential.validation;

import org.eclipse.xtext.validation.ComposedChecks;

/**
 * The language's checks, composed as in Xtext's Domainmodel example: one class per kind of element, the issue codes
 * in {@link IssueCodes}. Each message names the construct as the researcher wrote it and, where it helps, what to
 * write instead.
 */
@ComposedChecks(validators = {FileChecks.class, PotentialChecks.class, ExperimentChecks.class, MirrorChecks.class, InitChecks.class})
public class PotentialValidator extends AbstractPotentialValidator {
}
