package org.bregman.train;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bregman.runtime.Interval;
import org.bregman.runtime.MirrorMap;
import org.bregman.train.model.Layer;

/**
 * A mirror that gives each layer of a model its own potential and rate: Ψ(w) = Σ_layers Σ_{j in layer} ψ_layer(w_j), so
 * D_Ψ is the sum of the layers' divergences and one step is each layer's own mirror step at its own rate. Written
 * {@code mirrors QNorm(q = 3) for layers "0_W", "1_W", QNorm(q = 2) otherwise}, and behind {@code lr … per layer { … }}.
 *
 * <p>Built unbound, from {@link Part}s that name layers (the translator knows no sizes); {@link #bind} maps the names
 * onto a model's {@link Layer}s once the model exists, and returns the map the trainer steps and the reports measure: a
 * plain {@link MirrorMap} when one potential at one rate covers every layer, else a bound instance of this class.
 * Batch normalisation's running statistics ({@link Layer#optimised()} false) belong to no part: they are not stepped
 * (the model sets them after each step anyway) and not measured.
 */
public final class LayerwiseMirrorMap implements MirrorMap {

    /** A potential for {@code layers} (empty: every layer no other part names, {@code otherwise}) at {@code rate}. */
    public record Part(MirrorMap map, List<String> layers, double rate) {
        public Part {
            layers = List.copyOf(layers);
        }
    }

    private final String label;
    private final List<Part> parts;
    private final Map<String, Double> layerRates;
    // bound: one segment per optimised layer, in order of the parameter vector
    private final int[] start;
    private final int[] length;
    private final MirrorMap[] maps;
    private final float[] scales;

    private LayerwiseMirrorMap(String label, List<Part> parts, Map<String, Double> layerRates, int[] start, int[] length, MirrorMap[] maps,
            float[] scales) {
        this.label = label;
        this.parts = List.copyOf(parts);
        this.layerRates = Map.copyOf(layerRates);
        this.start = start;
        this.length = length;
        this.maps = maps;
        this.scales = scales;
    }

    /** An unbound layer-wise mirror; {@code layerRates} ({@code per layer}) override the parts' rates on their layers. */
    public static LayerwiseMirrorMap of(String label, List<Part> parts, Map<String, Double> layerRates) {
        return new LayerwiseMirrorMap(label, parts, new LinkedHashMap<>(layerRates), null, null, null, null);
    }

    /** The map the trainer uses for a mirror on {@code layers}, whose run steps at {@code runLr}: {@code map} itself unless it is layer-wise. */
    public static MirrorMap bind(MirrorMap map, List<Layer> layers, double runLr) {
        return map instanceof LayerwiseMirrorMap l ? l.bind(layers, runLr) : map;
    }

    /** The potential that steps coordinate {@code j} ({@code null}: none, a running statistic). */
    public static MirrorMap at(MirrorMap map, int j) {
        if (!(map instanceof LayerwiseMirrorMap l) || l.start == null) return map;
        for (int s = 0; s < l.start.length; s++) if (j >= l.start[s] && j < l.start[s] + l.length[s]) return l.maps[s];
        return null;
    }

    private MirrorMap bind(List<Layer> layers, double runLr) {
        Set<String> known = new HashSet<>();
        for (Layer l : layers) if (l.optimised()) known.add(l.name());
        List<String> unknown = new ArrayList<>();
        for (Part p : parts) for (String n : p.layers()) if (!known.contains(n)) unknown.add(n);
        for (String n : layerRates.keySet()) if (!known.contains(n)) unknown.add(n);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(label + ": unknown layer " + String.join(", ", unknown) + "; the layers of this model are "
                    + String.join(", ", layers.stream().filter(Layer::optimised).map(Layer::name).toList()));
        }
        List<int[]> segments = new ArrayList<>();
        List<MirrorMap> ms = new ArrayList<>();
        List<Float> sc = new ArrayList<>();
        for (Layer l : layers) {
            if (!l.optimised() || l.length() == 0) continue;
            Part p = partOf(l.name());
            if (p == null) throw new IllegalArgumentException(label + ": layer " + l.name() + " has no mirror; add one with otherwise");
            segments.add(new int[] {l.offset(), l.length()});
            ms.add(p.map());
            sc.add((float) (layerRates.getOrDefault(l.name(), p.rate()) / runLr));
        }
        boolean uniform = ms.stream().distinct().count() == 1 && sc.stream().allMatch(s -> s == 1f)
                && layers.stream().allMatch(Layer::optimised);
        if (uniform) return ms.get(0); // one potential at the run's rate everywhere: exactly the plain mirror
        float[] scales = new float[sc.size()];
        for (int i = 0; i < scales.length; i++) scales[i] = sc.get(i);
        return new LayerwiseMirrorMap(label, parts, layerRates, segments.stream().mapToInt(s -> s[0]).toArray(),
                segments.stream().mapToInt(s -> s[1]).toArray(), ms.toArray(MirrorMap[]::new), scales);
    }

    private Part partOf(String layer) {
        for (Part p : parts) if (p.layers().contains(layer)) return p;
        for (Part p : parts) if (p.layers().isEmpty()) return p;
        return null;
    }

    private void requireBound() {
        if (start == null) throw new IllegalStateException(label + " is not bound to a model's layers yet");
    }

    @Override
    public String name() {
        return label;
    }

    @Override
    public Map<String, Double> parameters() {
        MirrorMap one = single();
        return one != null ? one.parameters() : Map.of();
    }

    /** The one potential of every segment, or null when the layers have different ones. */
    private MirrorMap single() {
        requireBound();
        return Arrays.stream(maps).distinct().count() == 1 ? maps[0] : null;
    }

    private MirrorMap scalar() {
        MirrorMap one = single();
        if (one == null) throw new UnsupportedOperationException(label + " has a potential per layer: no single ψ (use LayerwiseMirrorMap.at)");
        return one;
    }

    @Override public double psi(double w) { return scalar().psi(w); }
    @Override public double grad(double w) { return scalar().grad(w); }
    @Override public double hessian(double w) { return scalar().hessian(w); }
    @Override public double inverse(double z) { return scalar().inverse(z); }
    @Override public double bregman(double w, double v) { return scalar().bregman(w, v); }
    @Override public Interval domain() { return scalar().domain(); }
    @Override public Interval dualDomain() { return scalar().dualDomain(); }

    @Override
    public boolean inverseIsClosedForm() {
        requireBound();
        return Arrays.stream(maps).allMatch(MirrorMap::inverseIsClosedForm);
    }

    /** The sum over the layers of each layer's divergence (running statistics left out). */
    @Override
    public double bregman(float[] w, float[] v) {
        requireBound();
        double sum = 0;
        for (int s = 0; s < start.length; s++) {
            int from = start[s], to = start[s] + length[s];
            sum += maps[s].bregman(Arrays.copyOfRange(w, from, to), Arrays.copyOfRange(v, from, to));
        }
        return sum;
    }

    @Override
    public int step(float[] w, int wOffset, float[] g, int gOffset, int n, float lr) {
        requireBound();
        int bad = -1;
        for (int s = 0; s < start.length; s++) {
            int b = maps[s].step(w, wOffset + start[s], g, gOffset + start[s], length[s], lr * scales[s]);
            if (b >= 0 && bad < 0) bad = start[s] + b;
        }
        return bad;
    }

    @Override
    public int stepCompensated(float[] w, float[] wLow, int wOffset, float[] g, int gOffset, int n, float lr) {
        requireBound();
        int bad = -1;
        for (int s = 0; s < start.length; s++) {
            int b = maps[s].stepCompensated(w, wLow, wOffset + start[s], g, gOffset + start[s], length[s], lr * scales[s]);
            if (b >= 0 && bad < 0) bad = start[s] + b;
        }
        return bad;
    }

    @Override
    public int step(FloatBuffer w, FloatBuffer g, float lr) {
        requireBound();
        int bad = -1;
        for (int s = 0; s < start.length; s++) {
            FloatBuffer ws = w.duplicate(), gs = g.duplicate();
            ws.limit(w.position() + start[s] + length[s]).position(w.position() + start[s]);
            gs.limit(g.position() + start[s] + length[s]).position(g.position() + start[s]);
            int b = maps[s].step(ws, gs, lr * scales[s]);
            if (b >= 0 && bad < 0) bad = start[s] + b;
        }
        return bad;
    }
}
