package org.bregman.codegen

import static org.bregman.codegen.TemplateSupport.*

/**
 * The fused passes of a non-separable step with a homogeneous g = k|w|^r ({@code runtime.CompositePasses}): g's vector
 * coordinate kernel cut at the dual value y = g'(w) − rate·grad (pass A writes y and sums |y|^p; pass B writes
 * (g')⁻¹(mu·y) and sums |w|^r), the sums on double lanes, the exponents specialised ({@link PowerText}); the remainder
 * of a range in scalar float code of the same forms. Finiteness is not checked lane by lane: a non-finite value a pass
 * writes makes its sum of non-negative terms non-finite, and only then is the value looked for ({@code firstBad}); a
 * mask of |r| ≤ MAX and |z| ≤ MAX per vector measured as much as a sixth of the step.
 */
class CompositeVectorTemplate {

	val KernelSpec s
	val double r
	val double p

	new(KernelSpec s, double r) {
		this.s = s
		this.r = r
		this.p = r / (r - 1)
	}

	def static String generate(KernelSpec s, double r) {
		new CompositeVectorTemplate(s, r).classFile.toString
	}

	def static String className(KernelSpec s) {
		JavaText.className(s.name) + "_Passes"
	}

	def classFile() '''
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

			«powerSum(false)»

			«dualPass(false)»

			«primalPass(false)»

			«powerSum(true)»

			«dualPass(true)»

			«primalPass(true)»

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

			/**
			 * The first index a pass reports: {@code bad} (the dual domain) or, where its sum {@code t} is not finite, the
			 * first value it wrote that is not a finite float, whichever comes first.
			 */
			static int firstBad(double t, int bad, float[] w, int offset, int n) {
				if (t < Double.POSITIVE_INFINITY) return bad;
				int end = bad < 0 ? n : bad;
				for (int i = 0; i < end; i++) if (!(Math.abs(w[offset + i]) <= Float.MAX_VALUE)) return i;
				return bad;
			}

			static int firstBad(double t, int bad, FloatBuffer w, int offset, int n) {
				if (t < Double.POSITIVE_INFINITY) return bad;
				int end = bad < 0 ? n : bad;
				for (int i = 0; i < end; i++) if (!(Math.abs(w.get(offset + i)) <= Float.MAX_VALUE)) return i;
				return bad;
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

	def powerSum(boolean seg) '''
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
				«addTerm(get("w", seg), r)»
			}
			return t;
		}
	'''

	/** Pass A: z = y = g'(x) − lr·g, written, and the sum of |z|^p. */
	def dualPass(boolean seg) '''
		«header("dualPass", "float[] w, int offset, float[] g, int gOffset, int n, float lr, int[] badOut", "FloatBuffer w, FloatBuffer g, float lr, int[] badOut", true, seg)»
			int len = FS.length();
			int upper = n - n % len;
			DoubleVector s0 = DoubleVector.zero(DS);
			DoubleVector s1 = DoubleVector.zero(DS);
			int i = 0;
			for (; i < upper; i += len) {
				FloatVector x = «load("w", seg)»;
				FloatVector gv = «load("g", seg)»;
				FloatVector z = «new VectorPrinter("x").print(s.bound.grad)».sub(gv.mul(lr));
				«store("z", seg)»
				«accumulate("z", p)»
			}
			double t = total(s0, s1);
			for (; i < n; i++) {
				float x = «get("w", seg)»;
				float z = «f(s.bound.grad, "x")» - lr * «get("g", seg)»;
				«put("z", seg)»
				«addTerm("z", p)»
			}
			badOut[0] = firstBad(t, -1, w, offset, n);
			return t;
		}
	'''

	/** Pass B: r = (g')⁻¹(z), z = mu·y, written, and the sum of |r|^r. */
	def primalPass(boolean seg) '''
		«header("primalPass", "float[] w, int offset, int n, double mu, int[] badOut", "FloatBuffer w, double mu, int[] badOut", false, seg)»
			int len = FS.length();
			int upper = n - n % len;
			int bad = -1;
			float m = (float) mu;
			DoubleVector s0 = DoubleVector.zero(DS);
			DoubleVector s1 = DoubleVector.zero(DS);
			int i = 0;
			for (; i < upper; i += len) {
				FloatVector z = «load("w", seg)».mul(m);
				FloatVector r = «new VectorPrinter("z").printLast(s.bound.inverse)»;
				«store("r", seg)»
				«dualCheck»
				«accumulate("r", r)»
			}
			double t = total(s0, s1);
			for (; i < n; i++) {
				float z = «get("w", seg)» * m;
				float r = «f(s.bound.inverse, "z")»;
				«put("r", seg)»
				«dualCheckTail»
				«addTerm("r", r)»
			}
			badOut[0] = firstBad(t, bad, w, offset, n);
			return t;
		}
	'''

	/**
	 * The lanes' dual-domain check where g's dual domain is not ℝ (z is the dual value; finiteness: {@code firstBad}).
	 */
	def dualCheck() '''
		«IF checksDual(s.bound)»
		VectorMask ok = «VectorPrinter.dualMask(s.bound.dual, "z")»;
		if (bad < 0 && !ok.allTrue()) {
			bad = i + ok.not().firstTrue();
		}
		«ENDIF»
	'''

	def dualCheckTail() '''
		«IF checksDual(s.bound)»
		if (bad < 0 && !dual.contains(z)) bad = i;
		«ENDIF»
	'''

	/** s0 (and s1, the upper lanes) += |v|^e in double. */
	def accumulate(String v, double e) '''
		FloatVector «v»a = «v».abs();
		DoubleVector «v»0 = part(«v»a, 0);
		s0 = s0.add(«PowerText.lanes(v + "0", e)»);
		if (PARTS == 2) {
			DoubleVector «v»1 = part(«v»a, 1);
			s1 = s1.add(«PowerText.lanes(v + "1", e)»);
		}
	'''

	/** t += |v|^e for the float v in the scalar remainder: the same operations as {@link #accumulate}. */
	def addTerm(String v, double e) '''
		double a = Math.abs((double) «v»);
		t += «PowerText.scalar("a", e)»;
	'''
}
