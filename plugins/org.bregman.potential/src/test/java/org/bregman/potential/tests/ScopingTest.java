package org.bregman.potential.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.bregman.potential.testing.TestSources;
import org.bregman.potential.api.PotentialWorkspace;
import org.bregman.potential.potential.Definition;
import org.bregman.potential.potential.Domain;
import org.bregman.potential.potential.MirrorUse;
import org.bregman.potential.potential.Parameter;
import org.bregman.potential.potential.PotentialDef;
import org.bregman.potential.potential.PotentialPackage;
import org.bregman.potential.util.PotentialModels;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.junit.jupiter.api.Test;

/** What each kind of name sees (also what content assist offers). */
class ScopingTest {

    static final String TEXT = "package examples.seeds\n" + TestSources.QNORM
            + "potential Hyp(beta = 1 where beta > 0) {\n    domain w > -10\n    psi(w) = w * asinh(w / beta) - sqrt(w^2 + beta^2)\n    grad(x) = asinh(x / beta)\n}\n"
            + "experiment X {\n data regression\n model linear\n loss squared\n mirrors QNorm(q = 2), Hyp(beta = 0.5)\n lr 0.1\n until epochs >= 1\n}\n";

    static List<String> names(EObject context, EReference ref) {
        IScope scope = PotentialWorkspace.injector().getInstance(IScopeProvider.class).getScope(context, ref);
        List<String> out = new ArrayList<>();
        for (IEObjectDescription d : scope.getAllElements()) out.add(d.getName().toString());
        return out;
    }

    @Test
    void eachNameSeesOnlyItsOwnPotential() {
        PotentialWorkspace ws = Texts.check(TEXT);
        assertTrue(ws.diagnostics().isEmpty(), () -> Texts.dump(ws.diagnostics()));
        PotentialDef hyp = ws.potential("Hyp").ast();
        Definition psi = PotentialModels.psi(hyp);
        Definition grad = (Definition) hyp.getMembers().get(2);
        Domain domain = (Domain) hyp.getMembers().get(0);
        Parameter beta = hyp.getParams().get(0);
        EReference sym = PotentialPackage.Literals.SYMBOL_REF__SYMBOL;
        assertEquals(List.of("w", "beta"), names(psi.getBody(), sym));
        assertEquals(List.of("x", "beta"), names(grad.getBody(), sym));
        assertEquals(List.of("w", "beta"), names(domain.getCondition(), sym));
        assertEquals(List.of("beta"), names(beta.getConstraint(), sym));

        MirrorUse hypUse = ws.experimentAsts().get(0).getSettings().stream().filter(s -> s instanceof org.bregman.potential.potential.MirrorsSetting)
                .map(s -> ((org.bregman.potential.potential.MirrorsSetting) s).getMirrors().get(1)).findFirst().orElseThrow();
        assertEquals(List.of("QNorm", "Hyp"), names(hypUse, PotentialPackage.Literals.MIRROR_USE__POTENTIAL));
        assertEquals(List.of("beta"), names(hypUse.getArgs().get(0), PotentialPackage.Literals.ARG_OVERRIDE__PARAMETER));
    }

    @Test
    void theIndexExportsPotentialsAndExperimentsOnly() {
        PotentialWorkspace ws = Texts.check(TEXT);
        var resource = ws.potential("QNorm").ast().eResource();
        IResourceDescription d = PotentialWorkspace.injector().getInstance(IResourceDescription.Manager.class).getResourceDescription(resource);
        List<String> exported = new ArrayList<>();
        d.getExportedObjects().forEach(o -> exported.add(o.getName().toString()));
        assertEquals(List.of("examples.seeds.QNorm", "examples.seeds.Hyp", "examples.seeds.X"), exported);
    }
}
