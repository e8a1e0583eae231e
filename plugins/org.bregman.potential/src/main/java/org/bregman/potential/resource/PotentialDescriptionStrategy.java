package org.bregman.potential.resource;

import org.bregman.potential.potential.Element;
import org.bregman.potential.potential.Model;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionStrategy;
import org.eclipse.xtext.util.IAcceptor;

/**
 * Only potentials and experiments go into the index (workspace symbols, open-by-name): parameters
 * and coordinates are local to their potential and never appear as {@code QNorm.q}.
 */
public class PotentialDescriptionStrategy extends DefaultResourceDescriptionStrategy {

    @Override
    public boolean createEObjectDescriptions(EObject eObject, IAcceptor<IEObjectDescription> acceptor) {
        if (eObject instanceof Model) return true; // descend to the elements
        if (eObject instanceof Element) {
            super.createEObjectDescriptions(eObject, acceptor);
        }
        return false; // nothing below a potential or an experiment is exported
    }
}
