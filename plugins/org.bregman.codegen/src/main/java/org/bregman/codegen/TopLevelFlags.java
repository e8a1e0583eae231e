package org.bregman.codegen;

/**
 * Janino writes a static member class ({@code Bregman_QNorm$Factory}) with {@code ACC_STATIC} in the
 * class file's own access flags, where the JVM specification allows it only in the InnerClasses
 * attribute ({@code javap} reports it; the JVM ignores it). This removes it from the class-level flags,
 * leaving the InnerClasses entry (which says the class is static) as it is.
 */
final class TopLevelFlags {
    private TopLevelFlags() {
    }

    static final int ACC_STATIC = 0x0008;

    /** The class file with {@code ACC_STATIC} cleared in its access flags (a copy; the input is kept). */
    static byte[] withoutStatic(byte[] classFile) {
        int at = accessFlagsOffset(classFile);
        int flags = ((classFile[at] & 0xff) << 8) | (classFile[at + 1] & 0xff);
        if ((flags & ACC_STATIC) == 0) return classFile;
        byte[] out = classFile.clone();
        flags &= ~ACC_STATIC;
        out[at] = (byte) (flags >>> 8);
        out[at + 1] = (byte) flags;
        return out;
    }

    /** The class-level access flags. */
    static int accessFlags(byte[] classFile) {
        int at = accessFlagsOffset(classFile);
        return ((classFile[at] & 0xff) << 8) | (classFile[at + 1] & 0xff);
    }

    /** Where the access flags are: right after the constant pool. */
    static int accessFlagsOffset(byte[] b) {
        if (b.length < 10 || u4(b, 0) != 0xCAFEBABEL) throw new IllegalArgumentException("not a class file");
        int count = u2(b, 8);
        int p = 10;
        for (int i = 1; i < count; i++) {
            int tag = b[p] & 0xff;
            switch (tag) {
                case 1 -> p += 3 + u2(b, p + 1); // Utf8
                case 3, 4, 9, 10, 11, 12, 17, 18 -> p += 5;
                case 5, 6 -> {
                    p += 9; // long, double: two slots
                    i++;
                }
                case 7, 8, 16, 19, 20 -> p += 3;
                case 15 -> p += 4;
                default -> throw new IllegalArgumentException("unknown constant pool tag " + tag);
            }
        }
        return p;
    }

    private static int u2(byte[] b, int p) {
        return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
    }

    private static long u4(byte[] b, int p) {
        return ((long) u2(b, p) << 16) | u2(b, p + 2);
    }
}
