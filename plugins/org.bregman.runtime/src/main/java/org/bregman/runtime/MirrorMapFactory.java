package org.bregman.runtime;

import java.util.List;
import java.util.Map;

/**
 * Creates {@link MirrorMap}s of one potential for given parameter values. Generated optimizer jars
 * register one factory per potential under {@code META-INF/services/org.bregman.runtime.MirrorMapFactory},
 * so that {@link MirrorMaps#create(String, Map)} finds them.
 */
public interface MirrorMapFactory {

    /** The potential's name, e.g. {@code QNorm}. */
    String name();

    /** Parameter names in declaration order. */
    List<String> parameterNames();

    /** Default values of the parameters, in declaration order. */
    Map<String, Double> defaults();

    /**
     * A mirror map for these parameter values; missing names take their defaults.
     *
     * @throws IllegalArgumentException for an unknown parameter name or a value that violates the
     *     potential's {@code where} constraint
     */
    MirrorMap create(Map<String, Double> arguments);
}
