package org.bregman.potential.validation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;

/** A group of checks composed into {@link PotentialValidator} ({@code @ComposedChecks}), never registered on its own. */
abstract class ComposedCheck extends AbstractDeclarativeValidator {

    @Override
    public void register(EValidatorRegistrar registrar) {
        // composed into PotentialValidator, which is registered
    }

    /** Reports a finding of {@link SymbolicChecks} ("warning" or an error) at {@code node}'s {@code feature}. */
    protected void reportSymbolic(String severity, String message, EObject node, String feature) {
        EStructuralFeature f = feature == null ? null : node.eClass().getEStructuralFeature(feature);
        if ("warning".equals(severity)) {
            warning(message, node, f, IssueCodes.SYMBOLIC);
        } else {
            error(message, node, f, IssueCodes.SYMBOLIC);
        }
    }
}
