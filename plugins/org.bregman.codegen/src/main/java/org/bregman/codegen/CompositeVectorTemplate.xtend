package org.bregman.codegen

import static org.bregman.codegen.TemplateSupport.*

/**
 * The fused passes of a non-separable step with a homogeneous g = k|w|^r ({@code runtime.CompositePasses}): g's vector
 * coordinate kernel cut at the dual value y = g'(w) − rate·grad (pass A writes y, or its root for q = 3, and sums |y|^p;
 * pass B writes (g')⁻¹(mu·y) and sums |w|^r), the exponents specialised ({@link PowerText}); the head and the remainder
 * of a range in scalar float code of the same forms. Float vectors have as many lanes as double vectors (8 with
 * AVX-512), so that a vector of float terms converts to one vector of doubles. Finiteness is not checked lane by lane:
 * a non-finite value a pass writes makes its sum of non-negative terms non-finite, and only then is the value looked
 * for ({@code firstBad}); a mask of |r| ≤ MAX and |z| ≤ MAX per vector measured as much as a sixth of the step.
 *
 * <p>Sums: where |x|^e has a float text (whole and half-integral e: q = 3, 1.5 and their duals), each term on float lanes
 * (two correctly rounded operations for e = 3 and 1.5: within 2·2⁻²⁴ relative while it is a normal float), added in
 * double; where a term overflowed (the sum is not finite, no written value is) or the sum is below n·2⁻⁷⁷ (terms under
 * the normal floats could matter; zero included), the sum again over the written values with double terms (the exact
 * sum, as before, and the only sum for other exponents). The reduction and pass B share the loop and the rule, so a
 * carried sum is the fresh reduction of the same weights bit for bit.
 */
class CompositeVectorTemplate {

	val KernelSpec s
	val double r
	val double p
	/**
	 * q = 3 (r = 3, p − 1 = 1/2): pass A writes the root h = sign(y)·√|y| it takes for its term |y|·√|y| anyway, and
	 * pass B, (g')⁻¹(mu·y) = (g')⁻¹(mu)·h, is one product: one square root per coordinate and step instead of two.
	 */
	val boolean writesRoot
	/**
	 * q = 3/2 (r = 3/2, p − 1 = 2): pass B writes w = sign(y)·v² with v = c·|y|, c = √((g')⁻¹(mu)) (mu = F'(S)/F'(S')
	 * ≥ 0; a NaN c makes every weight NaN, which the pass reports), and its term
	 * |w|·√|w| is |w|·v bit for bit (in binary floating point the rounded square root of the rounded square of a float
	 * is the float itself: Boldo 2015; below 2⁻⁶³ both terms round to 0): the reduction's term without its root. The
	 * written sign is or'ed into v² (withSign), whose sign bit is clear unless the step failed (NaN).
	 */
	val boolean squaresInPassB

	new(KernelSpec s, double r) {
		this.s = s
		this.r = r
		this.p = r / (r - 1)
		this.writesRoot = r == 3 && !checksDual(s.bound)
		this.squaresInPassB = r == 1.5 && !checksDual(s.bound)
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

			// float lanes as many as double lanes: each vector of float terms converts to one vector of doubles (with
			// twice as many float lanes, the second conversion and its lane extraction measured 17 % of pass A at 10 M floats)
			static final VectorSpecies DS = DoubleVector.SPECIES_PREFERRED;
			static final VectorSpecies FS = VectorSpecies.of(Float.TYPE, VectorShape.forBitSize(DS.length() * 32));
			static final ByteOrder ORDER = ByteOrder.nativeOrder();

			private final Interval dual;

			/** @param dual g's dual domain (the scalar tail's check) */
			public «className(s)»(Interval dual) {
				this.dual = dual;
			}

			/** The dual values pass A writes are sign(y)·|y|^e, e = this. */
			public double writtenPower() {
				return «IF writesRoot»0.5«ELSE»1.0«ENDIF»;
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

			«IF PowerText.onFloats(r)»
			«exactSum("exactSum", r, false)»

			«exactSum("exactSum", r, true)»

			«ENDIF»
			«IF PowerText.onFloats(p) && !writesRoot»
			«exactSum("exactDualSum", p, false)»

			«exactSum("exactDualSum", p, true)»

			«ENDIF»
			/**
			 * Whether a sum of float terms is replaced by the sum of double terms: a term overflowed (the sum is
			 * not finite), or the sum is below n·2⁻⁷⁷, where terms under the normal floats (each off by less than 2⁻¹²⁶)
			 * could move it by more than 2⁻⁴⁹ (zero included).
			 */
			static boolean inexact(double t, int n) {
				return !(t >= n * 0x1p-77 && t < Double.POSITIVE_INFINITY);
			}

			/** The accumulators' lanes added one by one (Vector API reductions leave the order open). */
			static double total(DoubleVector s0) {
				double t = 0;
				for (int j = 0; j < DS.length(); j++) t += s0.lane(j);
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

	/** The vector at {@code at} (see {@link #sumLoop}). */
	def load(String a, boolean seg) {
		if (seg) "FloatVector.fromMemorySegment(FS, " + a + "s, 4L * at, ORDER)" else "FloatVector.fromArray(FS, " + a + ", " + (if (a == "w") "offset" else "gOffset") + " + at)"
	}

	def store(String v, boolean seg) {
		if (seg) v + ".intoMemorySegment(ws, 4L * at, ORDER);" else v + ".intoArray(w, offset + at);"
	}

	def get(String a, boolean seg) {
		if (seg) a + ".get(" + (if (a == "w") "offset" else "gOffset") + " + i)" else a + "[" + (if (a == "w") "offset" else "gOffset") + " + i]"
	}

	def put(String v, boolean seg) {
		if (seg) "w.put(offset + i, " + v + ");" else "w[offset + i] = " + v + ";"
	}

	def powerSum(boolean seg) '''
		«header("powerSum", "float[] w, int offset, int n", "FloatBuffer w", false, seg)»
			«sumLoop(readVector(seg), readTail(seg), "r", r, PowerText.onFloats(r))»
			«IF PowerText.onFloats(r)»
			if (inexact(t, n)) t = exactSum(«args(seg)»);
			«ENDIF»
			return t;
		}
	'''

	/** Σ|v_j|^e of a sum over w with the terms in double: where float terms overflowed or may have underflowed. */
	def exactSum(String name, double e, boolean seg) '''
		«header(name, "float[] w, int offset, int n", "FloatBuffer w", false, seg)»
			«sumLoop(readVector(seg), readTail(seg), "r", e, false)»
			return t;
		}
	'''

	def readVector(boolean seg) '''FloatVector r = «load("w", seg)»;'''

	def readTail(boolean seg) '''float r = «get("w", seg)»;'''

	def args(boolean seg) {
		if (seg) "w" else "w, offset, n"
	}

	/** Pass A: z = y = g'(x) − lr·g, written, and the sum of |z|^p. */
	def dualPass(boolean seg) '''
		«header("dualPass", "float[] w, int offset, float[] g, int gOffset, int n, float lr, int[] badOut", "FloatBuffer w, FloatBuffer g, float lr, int[] badOut", true, seg)»
			«IF writesRoot»
			«sumLoop(dualVector(seg), dualTail(seg), "z", p, true, "a.mul(root)", "a * root")»
			badOut[0] = firstBad(t, -1, w, offset, n);
			// Σ|h|^r = Σ|y|^p of the written roots h (each within 3·2⁻²⁴ relative of |y|^p)
			if (badOut[0] < 0 && inexact(t, n)) t = exactSum(«args(seg)»);
			«ELSE»
			«sumLoop(dualVector(seg), dualTail(seg), "z", p, PowerText.onFloats(p))»
			badOut[0] = firstBad(t, -1, w, offset, n);
			«IF PowerText.onFloats(p)»
			if (badOut[0] < 0 && inexact(t, n)) t = exactDualSum(«args(seg)»);
			«ENDIF»
			«ENDIF»
			return t;
		}
	'''

	/** Pass B: r = (g')⁻¹(z), z = mu·y, written, and the sum of |r|^r. */
	def primalPass(boolean seg) '''
		«header("primalPass", "float[] w, int offset, int n, double mu, int[] badOut", "FloatBuffer w, double mu, int[] badOut", false, seg)»
			int bad = -1;
			«IF writesRoot»
			float c = (float) («d(s.bound.inverse, "mu")»);
			«sumLoop(primalVector(seg), primalTail(seg), "r", r, PowerText.onFloats(r))»
			«ELSEIF squaresInPassB»
			float c = (float) Math.sqrt(«d(s.bound.inverse, "mu")»);
			«sumLoop(primalVector(seg), primalTail(seg), "r", r, true, "a.mul(v)", "a * v")»
			«ELSE»
			float m = (float) mu;
			«sumLoop(primalVector(seg), primalTail(seg), "r", r, PowerText.onFloats(r))»
			«ENDIF»
			badOut[0] = firstBad(t, bad, w, offset, n);
			«IF PowerText.onFloats(r)»
			if (badOut[0] < 0 && inexact(t, n)) t = exactSum(«args(seg)»);
			«ENDIF»
			return t;
		}
	'''

	/** Pass A's vector z = y = g'(x) − lr·g at i, written. */
	def dualVector(boolean seg) '''
		FloatVector x = «load("w", seg)»;
		FloatVector gv = «load("g", seg)»;
		FloatVector z = «new VectorPrinter("x").print(s.bound.grad)».sub(gv.mul(lr));
		«IF writesRoot»
		FloatVector a = z.abs();
		FloatVector root = a.sqrt();
		«store("withSign(root, z)", seg)»
		«ELSE»
		«store("z", seg)»
		«ENDIF»
	'''

	def dualTail(boolean seg) '''
		float x = «get("w", seg)»;
		float z = «f(s.bound.grad, "x")» - lr * «get("g", seg)»;
		«IF writesRoot»
		float a = Math.abs(z);
		float root = (float) Math.sqrt(a);
		«put("Math.copySign(root, z)", seg)»
		«ELSE»
		«put("z", seg)»
		«ENDIF»
	'''

	/** Pass B's vector r = (g')⁻¹(z), z = mu·y at i, written. */
	def primalVector(boolean seg) '''
		«IF writesRoot»
		FloatVector r = «load("w", seg)».mul(c);
		«store("r", seg)»
		«ELSEIF squaresInPassB»
		FloatVector y = «load("w", seg)»;
		FloatVector v = y.abs().mul(c);
		FloatVector a = v.mul(v);
		«store("withSign(a, y)", seg)»
		«ELSE»
		FloatVector z = «load("w", seg)».mul(m);
		FloatVector r = «new VectorPrinter("z").printLast(s.bound.inverse)»;
		«store("r", seg)»
		«dualCheck»
		«ENDIF»
	'''

	def primalTail(boolean seg) '''
		«IF writesRoot»
		float r = «get("w", seg)» * c;
		«put("r", seg)»
		«ELSEIF squaresInPassB»
		float y = «get("w", seg)»;
		float v = Math.abs(y) * c;
		float a = v * v;
		«put("Math.copySign(a, y)", seg)»
		«ELSE»
		float z = «get("w", seg)» * m;
		float r = «f(s.bound.inverse, "z")»;
		«put("r", seg)»
		«dualCheckTail»
		«ENDIF»
	'''

	/**
	 * The loop of a reduction or a pass, leaving Σ|v_j|^e in t: {@code body} computes (and writes) the vector v at
	 * {@code at}, {@code tail} the float v at i. The vectors first, from the head on ({@code head}: a function of the offset
	 * alone, so a range is summed in the same order wherever it lies: carried sums, buffers, arrays); the terms on
	 * float lanes ({@code fast}), each converted to a double vector and added there, or on double lanes; then their
	 * lanes one by one, then the head's and the tail's terms. Blocks of float terms added on float lanes before the
	 * conversion made the JIT box a vector per block (inner loop), or, two vectors per iteration, pass A 1.6 times slower.
	 */
	def sumLoop(CharSequence body, CharSequence tail, String v, double e, boolean fast) {
		sumLoop(body, tail, v, e, fast, null, null)
	}

	/**
	 * {@link #sumLoop} where the body and the tail already hold |v| in {@code a} and the float term is
	 * {@code vectorTerm}, {@code scalarTerm} ({@code null}: |v|^e from {@code a = |v|}).
	 */
	def sumLoop(CharSequence body, CharSequence tail, String v, double e, boolean fast, String vectorTerm, String scalarTerm) '''
		int len = FS.length();
		DoubleVector s0 = DoubleVector.zero(DS);
		int head = head(offset, n, len);
		int i = head;
		«IF fast»
		for (int upper = n - (n - i) % len; i < upper; i += len) {
			int at = i;
			«body»
			«IF vectorTerm === null»
			FloatVector a = «v».abs();
			«ENDIF»
			FloatVector u = «vectorTerm ?: PowerText.lanes("a", e)»;
			s0 = s0.add(«part("u")»);
		}
		«ELSE»
		for (int upper = n - (n - i) % len; i < upper; i += len) {
			int at = i;
			«body»
			FloatVector a = «v».abs();
			DoubleVector a0 = «part("a")»;
			s0 = s0.add(«PowerText.lanes("a0", e)»);
		}
		«ENDIF»
		double t = total(s0);
		// the head [0, head), then the tail [i, n), in one loop after the vectors: its code once, and parsed after them
		for (int upper = i, j = head == 0 ? upper : 0; j < n; j = j + 1 == head ? upper : j + 1) {
			i = j;
			«IF scalarTerm !== null»
			«tail»
			t += «scalarTerm»;
			«ELSE»
			«scalarTerm(tail, v, e, fast)»
			«ENDIF»
		}
	'''

	/** The scalar code of a loop's head and tail: {@code tail}, then t += |v|^e (float or double terms). */
	def scalarTerm(CharSequence tail, String v, double e, boolean fast) '''
		«tail»
		«IF fast»
		float a = Math.abs(«v»);
		«ELSE»
		double a = Math.abs((double) «v»);
		«ENDIF»
		t += «PowerText.scalar("a", e, fast)»;
	'''

	/**
	 * The float lanes v as doubles (as many lanes), written out: a helper method was not always inlined in these long
	 * methods (NodeCountInliningCutoff), and then the vector it returned was boxed (2–4 times slower).
	 */
	def part(String v) {
		"((DoubleVector) " + v + ".convertShape(VectorOperators.F2D, DS, 0))"
	}

	/**
	 * The lanes' dual-domain check where g's dual domain is not ℝ (z is the dual value; finiteness: {@code firstBad}).
	 */
	def dualCheck() '''
		«IF checksDual(s.bound)»
		VectorMask ok = «VectorPrinter.dualMask(s.bound.dual, "z")»;
		if (bad < 0 && !ok.allTrue()) {
			bad = at + ok.not().firstTrue();
		}
		«ENDIF»
	'''

	def dualCheckTail() '''
		«IF checksDual(s.bound)»
		if ((bad < 0 || i < bad) && !dual.contains(z)) bad = i; // the head comes after the vectors
		«ENDIF»
	'''
}
