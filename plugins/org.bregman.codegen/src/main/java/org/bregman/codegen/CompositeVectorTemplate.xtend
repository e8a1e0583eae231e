package org.bregman.codegen

import static org.bregman.codegen.TemplateSupport.*

/**
 * The fused passes of a non-separable step with a homogeneous g = k|w|^r ({@code runtime.CompositePasses}): g's vector
 * coordinate kernel cut at the dual value y = g'(w) − rate·grad (pass A writes y and sums |y|^p; pass B writes
 * (g')⁻¹(mu·y) and sums |w|^r), the sums on double lanes, the exponents specialised ({@link PowerText}); the remainder
 * of a range in scalar float code of the same forms.
 */
class CompositeVectorTemplate {

	def static String generate(KernelSpec s, double r) {
		new CompositeVectorTemplate().classFile(s, r, r / (r - 1)).toString
	}

	def static String className(KernelSpec s) {
		JavaText.className(s.name) + "_Passes"
	}

	def classFile(KernelSpec s, double r, double p) '''
		package «MirrorMapTemplate.PACKAGE»;

		import java.lang.foreign.MemorySegment;
		import java.nio.ByteOrder;
		import java.nio.FloatBuffer;
		import java.util.Objects;
		import jdk.incubator.vector.DoubleVector;
		import jdk.incubator.vector.FloatVector;
		import jdk.incubator.vector.IntVector;
		import jdk.incubator.vector.LongVector;
		import jdk.incubator.vector.VectorMask;
		import jdk.incubator.vector.VectorOperators;
		import jdk.incubator.vector.VectorShape;
		import jdk.incubator.vector.VectorSpecies;
		import org.bregman.runtime.CompositePasses;
		import org.bregman.runtime.Interval;

		/** Fused passes of the non-separable step over g = «doc(s.name)» («binding(s)»), sums of |w|^«r» and |y|^«p». */
		public final class «className(s)» implements CompositePasses {

			«VectorTemplate.species(s)»
			static final int PARTS = FS.length() / DS.length();
			static final ByteOrder ORDER = ByteOrder.nativeOrder();

			private final Interval dual;

			/** @param dual g's dual domain (the scalar tail's check) */
			public «className(s)»(Interval dual) {
				this.dual = dual;
			}

			/** e.g. "fused vector passes (8 x float)". */
			public static String kind() {
				return "fused vector passes (" + FS.length() + " x float«IF VectorTemplate.doubleLanes(s)», functions on double lanes«ENDIF»)";
			}

			«powerSum(s, r, false)»

			«dualPass(s, p, false)»

			«primalPass(s, r, false)»

			«powerSum(s, r, true)»

			«dualPass(s, p, true)»

			«primalPass(s, r, true)»

			/** Part {@code part} of f's lanes as doubles. */
			static DoubleVector part(FloatVector f, int part) {
				return (DoubleVector) f.convertShape(VectorOperators.F2D, DS, part);
			}

			/** The accumulators' lanes added one by one (Vector API reductions leave the order open). */
			static double total(DoubleVector s0, DoubleVector s1) {
				double t = 0;
				for (int j = 0; j < DS.length(); j++) t += s0.lane(j);
				for (int j = 0; j < DS.length(); j++) t += s1.lane(j);
				return t;
			}

			/** |a|^e lane by lane with StrictMath.pow. */
			static DoubleVector powLanes(DoubleVector a, double e) {
				double[] v = a.toArray();
				for (int j = 0; j < v.length; j++) v[j] = StrictMath.pow(v[j], e);
				return DoubleVector.fromArray(DS, v, 0);
			}

			«VectorTemplate.laneHelpers(s)»
		}
	'''

	/**
	 * The passes over arrays ({@code seg} false: w[offset + i]) or over direct buffers in native order (true: their
	 * memory segments from the position on, the tail through get/put); the same operations in the same order.
	 */
	def header(String name, String arrayArgs, String bufferArgs, boolean withG, boolean seg) '''
		«IF seg»
		public double «name»(«bufferArgs») {
			int n = w.remaining();
			int offset = w.position();
			MemorySegment ws = MemorySegment.ofBuffer(w);
			«IF withG»
			int gOffset = g.position();
			if (g.remaining() < n) throw new IllegalArgumentException("g has " + g.remaining() + " elements left, w has " + n);
			MemorySegment gs = MemorySegment.ofBuffer(g);
			«ENDIF»
		«ELSE»
		public double «name»(«arrayArgs») {
			Objects.checkFromIndexSize(offset, n, w.length);
			«IF withG»
			Objects.checkFromIndexSize(gOffset, n, g.length);
			«ENDIF»
		«ENDIF»
	'''

	def load(String a, boolean seg) {
		if (seg) "FloatVector.fromMemorySegment(FS, " + a + "s, 4L * i, ORDER)" else "FloatVector.fromArray(FS, " + a + ", " + (if (a == "w") "offset" else "gOffset") + " + i)"
	}

	def store(String v, boolean seg) {
		if (seg) v + ".intoMemorySegment(ws, 4L * i, ORDER);" else v + ".intoArray(w, offset + i);"
	}

	def get(String a, boolean seg) {
		if (seg) a + ".get(" + (if (a == "w") "offset" else "gOffset") + " + i)" else a + "[" + (if (a == "w") "offset" else "gOffset") + " + i]"
	}

	def put(String v, boolean seg) {
		if (seg) "w.put(offset + i, " + v + ");" else "w[offset + i] = " + v + ";"
	}

	def powerSum(KernelSpec s, double r, boolean seg) '''
		«header("powerSum", "float[] w, int offset, int n", "FloatBuffer w", false, seg)»
			int len = FS.length();
			int upper = n - n % len;
			DoubleVector s0 = DoubleVector.zero(DS);
			DoubleVector s1 = DoubleVector.zero(DS);
			int i = 0;
			for (; i < upper; i += len) {
				FloatVector r = «load("w", seg)»;
				«accumulate("r", r)»
			}
			double t = total(s0, s1);
			for (; i < n; i++) {
				double a = Math.abs((double) «get("w", seg)»);
				t += «PowerText.scalar("a", r)»;
			}
			return t;
		}
	'''

	def dualPass(KernelSpec s, double p, boolean seg) '''
		«header("dualPass", "float[] w, int offset, float[] g, int gOffset, int n, float lr", "FloatBuffer w, FloatBuffer g, float lr", true, seg)»
			int len = FS.length();
			int upper = n - n % len;
			DoubleVector s0 = DoubleVector.zero(DS);
			DoubleVector s1 = DoubleVector.zero(DS);
			int i = 0;
			for (; i < upper; i += len) {
				FloatVector x = «load("w", seg)»;
				FloatVector gv = «load("g", seg)»;
				FloatVector y = «new VectorPrinter("x").print(s.bound.grad)».sub(gv.mul(lr));
				«store("y", seg)»
				«accumulate("y", p)»
			}
			double t = total(s0, s1);
			for (; i < n; i++) {
				float x = «get("w", seg)»;
				float y = «f(s.bound.grad, "x")» - lr * «get("g", seg)»;
				«put("y", seg)»
				double a = Math.abs((double) y);
				t += «PowerText.scalar("a", p)»;
			}
			return t;
		}
	'''

	def primalPass(KernelSpec s, double r, boolean seg) '''
		«header("primalPass", "float[] w, int offset, int n, float mu, int[] badOut", "FloatBuffer w, float mu, int[] badOut", false, seg)»
			int len = FS.length();
			int upper = n - n % len;
			int bad = -1;
			DoubleVector s0 = DoubleVector.zero(DS);
			DoubleVector s1 = DoubleVector.zero(DS);
			int i = 0;
			for (; i < upper; i += len) {
				FloatVector z = «load("w", seg)».mul(mu);
				FloatVector r = «new VectorPrinter("z").printLast(s.bound.inverse)»;
				«store("r", seg)»
				«new VectorTemplate().check(s.bound)»
				«accumulate("r", r)»
			}
			double t = total(s0, s1);
			for (; i < n; i++) {
				float z = «get("w", seg)» * mu;
				float r = «f(s.bound.inverse, "z")»;
				«put("r", seg)»
				boolean ok = Math.abs(r) <= Float.MAX_VALUE && Math.abs(z) <= Float.MAX_VALUE && dual.contains(z);
				if (!ok && bad < 0) bad = i;
				double a = Math.abs((double) r);
				t += «PowerText.scalar("a", r)»;
			}
			badOut[0] = bad;
			return t;
		}
	'''

	/** s0 (and s1, the upper lanes) += |v|^e in double. */
	def accumulate(String v, double e) '''
		DoubleVector «v»0 = part(«v», 0).abs();
		s0 = s0.add(«PowerText.lanes(v + "0", e)»);
		if (PARTS == 2) {
			DoubleVector «v»1 = part(«v», 1).abs();
			s1 = s1.add(«PowerText.lanes(v + "1", e)»);
		}
	'''
}
