package org.bregman.train.model;

/**
 * One named block of a model's flat parameter vector: coordinates {@code offset .. offset + length}. The names are those of
 * {@link org.bregman.potential.experiment.ModelLayers} (layer-wise mirrors, per-layer rates, {@code --list-layers}, the
 * {@code .npy} layout in {@code results.json}). {@code optimised} is false for batch normalisation's running statistics,
 * which follow their moving average: they are not layers a mirror can be given.
 */
public record Layer(String name, int offset, int length, boolean optimised) {
}
