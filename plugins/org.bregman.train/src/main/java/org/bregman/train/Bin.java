package org.bregman.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The binary fields of checkpoints and run records: arrays with their length first (−1 for null), values bit for bit. */
final class Bin {

    private Bin() {
    }

    /** Arrays longer than this are not from a checkpoint (a damaged file must not allocate gigabytes). */
    private static final int MAX = Integer.MAX_VALUE - 16;

    static void ints(DataOutputStream out, int[] a) throws IOException {
        out.writeInt(a.length);
        for (int x : a) out.writeInt(x);
    }

    static int[] ints(DataInputStream in) throws IOException {
        int[] a = new int[length(in, false)];
        for (int i = 0; i < a.length; i++) a[i] = in.readInt();
        return a;
    }

    static void floats(DataOutputStream out, float[] a) throws IOException {
        out.writeInt(a == null ? -1 : a.length);
        if (a != null) for (float x : a) out.writeInt(Float.floatToRawIntBits(x));
    }

    static float[] floats(DataInputStream in) throws IOException {
        int n = length(in, true);
        if (n < 0) return null;
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = Float.intBitsToFloat(in.readInt());
        return a;
    }

    static void doubles(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a == null ? -1 : a.length);
        if (a != null) for (double x : a) out.writeLong(Double.doubleToRawLongBits(x));
    }

    static double[] doubles(DataInputStream in) throws IOException {
        int n = length(in, true);
        if (n < 0) return null;
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = Double.longBitsToDouble(in.readLong());
        return a;
    }

    static void bytes(DataOutputStream out, byte[] a) throws IOException {
        out.writeInt(a.length);
        out.write(a);
    }

    static byte[] bytes(DataInputStream in) throws IOException {
        byte[] a = new byte[length(in, false)];
        in.readFully(a);
        return a;
    }

    static void curve(DataOutputStream out, List<double[]> rows) throws IOException {
        out.writeInt(rows.size());
        for (double[] r : rows) doubles(out, r);
    }

    static List<double[]> curve(DataInputStream in) throws IOException {
        int n = length(in, false);
        List<double[]> rows = new ArrayList<>(Math.min(n, 1 << 16));
        for (int i = 0; i < n; i++) rows.add(doubles(in));
        return rows;
    }

    static void string(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) bytes(out, s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String string(DataInputStream in) throws IOException {
        return in.readBoolean() ? new String(bytes(in), java.nio.charset.StandardCharsets.UTF_8) : null;
    }

    private static int length(DataInputStream in, boolean nullable) throws IOException {
        int n = in.readInt();
        if (n < (nullable ? -1 : 0) || n > MAX) throw new IOException("damaged file: an array of length " + n);
        return n;
    }
}
