package org.bregman.train.report;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** NumPy {@code .npy} format version 1.0, little-endian float32 ({@code <f4}), C order. */
public final class Npy {

    private Npy() {
    }

    /** The bytes of an array of the given shape (the product of the shape must equal {@code data.length}). */
    public static byte[] float32(float[] data, int... shape) {
        long count = 1;
        for (int s : shape) count *= s;
        if (count != data.length) throw new IllegalArgumentException("shape does not match " + data.length + " values");
        StringBuilder sh = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sh.append(shape[i]);
            if (shape.length == 1 || i < shape.length - 1) sh.append(shape.length == 1 ? "," : ", ");
        }
        sh.append(')');
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + sh + ", }";
        // magic (6) + version (2) + header length (2) + header, padded with spaces and ended by '\n' to a multiple of 64
        int unpadded = 10 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        String header = dict + " ".repeat(total - unpadded) + "\n";
        ByteBuffer b = ByteBuffer.allocate(total + 4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        for (float f : data) b.putFloat(f);
        return b.array();
    }

    public static byte[] float32(float[] flat) {
        return float32(flat, flat.length);
    }
}
