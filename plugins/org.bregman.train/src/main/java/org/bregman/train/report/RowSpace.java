package org.bregman.train.report;

import java.util.ArrayList;
import java.util.List;

/**
 * An orthonormal basis of the row space of X (n × d, row-major, double), for projecting vectors of R^d onto
 * row(X) and measuring what lies outside it.
 *
 * <p>Method: Gram–Schmidt with one re-orthogonalisation per row ("twice is enough", Giraud et al. 2005), which
 * gives a basis orthonormal to working precision like Householder QR; a row whose remainder after both passes is
 * below {@code 1e-12} of its own norm depends on the earlier rows and adds nothing (rank-deficient X). The
 * projection of a vector is applied twice too, so the part outside row(X) is accurate even when it is small.
 */
public final class RowSpace {

    private final List<double[]> basis = new ArrayList<>();
    private final int d;

    public RowSpace(double[] x, int n, int d) {
        this.d = d;
        for (int i = 0; i < n; i++) {
            double[] v = new double[d];
            System.arraycopy(x, i * d, v, 0, d);
            double norm0 = norm(v);
            if (norm0 == 0) continue;
            removeBasis(v);
            removeBasis(v);
            double norm = norm(v);
            if (norm <= 1e-12 * norm0) continue;
            for (int j = 0; j < d; j++) v[j] /= norm;
            basis.add(v);
        }
    }

    /** The rank of X found (the number of basis vectors). */
    public int rank() {
        return basis.size();
    }

    /** The component of {@code v} orthogonal to row(X) (a new array). */
    public double[] outside(double[] v) {
        if (v.length != d) throw new IllegalArgumentException("expected a vector of length " + d + ", got " + v.length);
        double[] r = v.clone();
        removeBasis(r);
        removeBasis(r);
        return r;
    }

    /** ‖v − P_row(X) v‖₂ / ‖v‖₂; NaN when v = 0. */
    public double relativeOutside(double[] v) {
        double n = norm(v);
        return n == 0 ? Double.NaN : norm(outside(v)) / n;
    }

    private void removeBasis(double[] v) {
        for (double[] q : basis) {
            double s = 0;
            for (int j = 0; j < d; j++) s += q[j] * v[j];
            for (int j = 0; j < d; j++) v[j] -= s * q[j];
        }
    }

    static double norm(double[] v) {
        double scale = 0, sum = 1; // scaled sum of squares: no overflow or underflow
        for (double a : v) {
            if (a == 0) continue;
            double b = Math.abs(a);
            if (b > scale) {
                sum = 1 + sum * (scale / b) * (scale / b);
                scale = b;
            } else {
                sum += (b / scale) * (b / scale);
            }
        }
        return scale * Math.sqrt(sum);
    }
}
