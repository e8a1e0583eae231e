package org.bregman.potential.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

import com.google.inject.Injector;

/** A .potential text parsed in memory, for tests of the language's services. */
public final class TestResources {

    private TestResources() {
    }

    /** The text as a resource of the injector's language, in a fresh resource set, its references resolved. */
    public static XtextResource parse(Injector injector, String text) throws IOException {
        XtextResourceSet rs = injector.getInstance(XtextResourceSet.class);
        XtextResource r = (XtextResource) injector.getInstance(IResourceFactory.class)
                .createResource(URI.createURI("inmemory:/test.potential"));
        rs.getResources().add(r);
        r.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), rs.getLoadOptions());
        EcoreUtil.resolveAll(r);
        return r;
    }
}
