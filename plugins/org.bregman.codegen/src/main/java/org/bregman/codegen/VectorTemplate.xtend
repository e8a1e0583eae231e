package org.bregman.codegen

import static org.bregman.codegen.TemplateSupport.*

import org.bregman.codegen.ir.Node
import org.bregman.codegen.ir.SmallShift

/**
 * The Vector API ({@code jdk.incubator.vector}) step kernel of one specialised potential: one fused
 * pass per call, {@code FS.length()} coordinates at a time, the remainder (and non-native buffers)
 * handed to the scalar class, which it wraps for every other method.
 */
class VectorTemplate {

	def static String generate(KernelSpec s) {
		new VectorTemplate().classFile(s).toString
	}

	def static String className(KernelSpec s) {
		JavaText.className(s.name) + "_Vector"
	}

	def static boolean doubleLanes(KernelSpec s) {
		s.bound.fused || VectorPrinter.needsDouble(s.bound.grad, false) || VectorPrinter.needsDouble(s.bound.inverse, true)
			|| s.timeVarying && (s.step.fused || VectorPrinter.needsDouble(s.step.grad, false) || VectorPrinter.needsDouble(s.step.inverse, true))
	}

	def classFile(KernelSpec s) '''
		package «MirrorMapTemplate.PACKAGE»;

		import java.lang.foreign.MemorySegment;
		import java.nio.ByteOrder;
		import java.nio.FloatBuffer;
		import java.util.Map;
		import java.util.Objects;
		import jdk.incubator.vector.DoubleVector;
		import jdk.incubator.vector.FloatVector;
		import jdk.incubator.vector.IntVector;
		import jdk.incubator.vector.LongVector;
		import jdk.incubator.vector.VectorMask;
		import jdk.incubator.vector.VectorOperators;
		import jdk.incubator.vector.VectorShape;
		import jdk.incubator.vector.VectorSpecies;
		import org.bregman.runtime.Interval;
		import org.bregman.runtime.MirrorMap;
		«IF s.timeVarying»
		import org.bregman.runtime.TimeVaryingMirrorMap;
		«ENDIF»

		/** Vector API step kernel of the potential «doc(s.name)» («binding(s)»). */
		public final class «className(s)» implements «IF s.timeVarying»TimeVaryingMirrorMap«ELSE»MirrorMap«ENDIF» {

			«species(s)»
			«IF smallShift(s)»
			/** The lanes of the small-shift path (all |c| ≤ SMALL_SHIFT). */
			static final VectorSpecies FW = «IF floatLaneExpm1(s) !== null»VectorSpecies.of(Float.TYPE, VectorShape.forBitSize(2 * FS.vectorBitSize()))«ELSE»FS«ENDIF»;
			static final float SMALL_SHIFT = «JavaText.floatLiteral(SmallShift.BOUND)»;
			«IF doubleLaneSmallShift(s)»
			/** Coordinates per choice between the small-shift and the fused run (g's chunk stays in L1 for the run). */
			static final int CHUNK = 4096;
			«ENDIF»
			«ENDIF»
			static final ByteOrder ORDER = ByteOrder.nativeOrder();

			private final MirrorMap scalar;

			public «className(s)»(MirrorMap scalar) {
				this.scalar = scalar;
			}

			/** e.g. "vector (8 x float)". */
			public static String kind() {
				return "vector (" + FS.length() + " x float«IF doubleLanes(s)», functions on double lanes«ENDIF»«IF smallShift(s)»; |c| <= 2^-5: " + FW.length() + " x float«IF floatLaneExpm1(s) === null», double lanes«ENDIF»«ENDIF»)";
			}

			«delegates»

			public int step(float[] w, int wOffset, float[] g, int gOffset, int n, float lr) {
				Objects.checkFromIndexSize(wOffset, n, w.length);
				Objects.checkFromIndexSize(gOffset, n, g.length);
				int len = «IF floatLaneExpm1(s) !== null»FW«ELSE»FS«ENDIF».length();
				// the elements before the first aligned vector of w by the scalar step, then the vectors, then the rest
				int i = head(wOffset, n, len);
				int bad = i == 0 ? -1 : scalar.step(w, wOffset, g, gOffset, i, lr);
				int upper = n - (n - i) % len;
				«IF doubleLaneSmallShift(s)»
				for (int m = 0; i < upper; i += m) {
					m = Math.min(CHUNK, upper - i);
					int t = smallShifts(g, gOffset + i, m, lr) ? smallShiftRun(w, wOffset + i, g, gOffset + i, m, lr) : fusedRun(w, wOffset + i, g, gOffset + i, m, lr);
					if (t >= 0 && bad < 0) bad = i + t;
				}
				«ELSE»
				for (; i < upper; i += len) {
					«body(s, true)»
				}
				«ENDIF»
				if (i < n) {
					int t = scalar.step(w, wOffset + i, g, gOffset + i, n - i, lr);
					if (t >= 0 && bad < 0) bad = i + t;
				}
				return bad;
			}

			public int step(FloatBuffer w, FloatBuffer g, float lr) {
				int n = w.remaining();
				if (g.remaining() < n) {
					throw new IllegalArgumentException("g has " + g.remaining() + " elements left, w has " + n);
				}
				if (w.hasArray() && g.hasArray() && !w.isReadOnly()) {
					return step(w.array(), w.arrayOffset() + w.position(), g.array(), g.arrayOffset() + g.position(), n, lr);
				}
				if (!w.isDirect() || !g.isDirect() || w.order() != ORDER || g.order() != ORDER) {
					return scalar.step(w, g, lr);
				}
				MemorySegment ws = MemorySegment.ofBuffer(w);
				MemorySegment gs = MemorySegment.ofBuffer(g);
				int len = «IF floatLaneExpm1(s) !== null»FW«ELSE»FS«ENDIF».length();
				int i = head(w.position(), n, len);
				int bad = -1;
				if (i > 0) {
					FloatBuffer wh = w.duplicate();
					wh.limit(w.position() + i);
					bad = scalar.step(wh, g.duplicate(), lr);
				}
				int upper = n - (n - i) % len;
				«IF doubleLaneSmallShift(s)»
				for (int m = 0; i < upper; i += m) {
					m = Math.min(CHUNK, upper - i);
					MemorySegment wc = ws.asSlice(4L * i);
					MemorySegment gc = gs.asSlice(4L * i);
					int t = smallShifts(gc, m, lr) ? smallShiftRun(wc, gc, m, lr) : fusedRun(wc, gc, m, lr);
					if (t >= 0 && bad < 0) bad = i + t;
				}
				«ELSE»
				for (; i < upper; i += len) {
					«body(s, false)»
				}
				«ENDIF»
				if (i < n) {
					FloatBuffer wt = w.duplicate();
					FloatBuffer gt = g.duplicate();
					wt.position(w.position() + i);
					gt.position(g.position() + i);
					wt.limit(w.position() + n);
					int t = scalar.step(wt, gt, lr);
					if (t >= 0 && bad < 0) bad = i + t;
				}
				return bad;
			}

			«IF doubleLaneSmallShift(s)»
			«runs(s, true)»

			«runs(s, false)»

			«ENDIF»
			«IF s.timeVarying»
			«new TimeVaryingVectorTemplate().members(s)»

			«ENDIF»
			«laneHelpers(s)»

			public String toString() {
				return scalar + " [" + kind() + "]";
			}
		}
	'''

	def static boolean smallShift(KernelSpec s) {
		s.bound.smallShiftStep !== null
	}

	def static floatLaneExpm1(KernelSpec s) {
		SmallShift.floatLaneExpm1(s.bound.fusedStep)
	}

	/**
	 * One iteration of the step loop at index i over w and g (arrays, or the segments ws, gs). A small-shift form on
	 * float lanes: a block of FW lanes whose shifts all lie within SMALL_SHIFT takes it, any other block the fused step,
	 * FS lanes at a time (written out, not a nested loop: C2's OSR compilation of an inner loop there was 4-6x slower).
	 * On double lanes the choice is inside {@link #core}.
	 */
	def body(KernelSpec s, boolean array) '''
		«IF floatLaneExpm1(s) !== null»
		FloatVector cw = «load(array, "FW", "g", "i")».mul(lr);
		if (!cw.abs().compare(VectorOperators.GT, SMALL_SHIFT).anyTrue()) {
			FloatVector c = cw;
			FloatVector x = «load(array, "FW", "w", "i")»;
			FloatVector r = x.fma(«new VectorPrinter("x", "c").print(floatLaneExpm1(s))», x);
			«store(array, "i")»
			«check(s.bound, "i")»
			continue;
		}
		{
			«block(s, array, "i")»
		}
		{
			int h = i + FS.length(); // FW holds two FS blocks: the preferred float and double shapes have the same size
			«block(s, array, "h")»
		}
		«ELSE»
		«block(s, array, "i")»
		«ENDIF»
	'''

	def block(KernelSpec s, boolean array, String at) {
		block(s.bound, array, at, s.bound.fusedStep, false)
	}

	def block(KernelSpec s, boolean array, String at, Node step) {
		block(s.bound, array, at, step, false)
	}

	/** {@code params}: the forms read the fields p0, p1 (a time-varying step's two times). */
	def block(Forms f, boolean array, String at, Node step, boolean params) '''
		FloatVector x = «load(array, "FS", "w", at)»;
		FloatVector gv = «load(array, "FS", "g", at)»;
		«core(f, step, params)»
		«store(array, at)»
		«check(f, at)»
	'''

	def static boolean doubleLaneSmallShift(KernelSpec s) {
		smallShift(s) && floatLaneExpm1(s) === null
	}

	/**
	 * A small-shift form on double lanes: the choice per chunk, the two paths in methods of their own (one loop holding
	 * both, with a branch per block, ran the fused path 3-7x slower than alone: C2 stops inlining the lane operations).
	 */
	def runs(KernelSpec s, boolean array) '''
		/** Whether every shift lr·g of the chunk lies within SMALL_SHIFT. */
		private static boolean smallShifts(«IF array»float[] g, int gOffset, «ELSE»MemorySegment gs, «ENDIF»int m, float lr) {
			for (int i = 0; i < m; i += FS.length()) {
				if («load(array, "FS", "g", "i")».mul(lr).abs().compare(VectorOperators.GT, SMALL_SHIFT).anyTrue()) return false;
			}
			return true;
		}

		«FOR small : #[true, false] SEPARATOR "\n"»
		/** The chunk's steps by the «IF small»small-shift form«ELSE»fused step«ENDIF»; the first bad index or -1. */
		private static int «IF small»smallShiftRun«ELSE»fusedRun«ENDIF»(«IF array»float[] w, int wOffset, float[] g, int gOffset, «ELSE»MemorySegment ws, MemorySegment gs, «ENDIF»int m, float lr) {
			int bad = -1;
			for (int i = 0; i < m; i += FS.length()) {
				«block(s, array, "i", if (small) s.bound.smallShiftStep else s.bound.fusedStep)»
			}
			return bad;
		}
		«ENDFOR»
	'''

	def static load(boolean array, String species, String v, String at) {
		if (array) '''FloatVector.fromArray(«species», «v», «v»Offset + «at»)''' else '''FloatVector.fromMemorySegment(«species», «v»s, 4L * «at», ORDER)'''
	}

	def static store(boolean array, String at) {
		if (array) '''r.intoArray(w, wOffset + «at»);''' else '''r.intoMemorySegment(ws, 4L * «at», ORDER);'''
	}

	/** The lanes' result r of x and gv: {@code step} (a fused or small-shift step) on double lanes, or z and the inverse. */
	def core(Forms f, Node step, boolean params) '''
		«IF f.fused»
		FloatVector c = gv.mul(lr);
		DoubleVector xd = toDouble(x);
		DoubleVector cd = toDouble(c);
		«VectorPrinter.doubleLocals(step, "xd", "cd")»
		FloatVector r = toFloat(«VectorPrinter.printDouble(step, "xd", "cd")»);
		«ELSE»
		FloatVector z = «new VectorPrinter("x", params).print(f.grad)».sub(gv.mul(lr));
		FloatVector r = «new VectorPrinter("z", params).printLast(f.inverse)»;
		«ENDIF»
	'''

	/** Sets bad to the first bad index of the block at index {@code at} (x, c or z, and r in scope). */
	def check(Forms f, String at) '''
		«IF f.fused»
		VectorMask ok = r.abs().compare(VectorOperators.LE, Float.MAX_VALUE).and(c.abs().compare(VectorOperators.LE, Float.MAX_VALUE))«IF !f.domain.isAllReals».and(«VectorPrinter.dualMask(f.domain, "x")»)«ENDIF»;
		«ELSEIF checksDual(f)»
		VectorMask ok = r.abs().compare(VectorOperators.LE, Float.MAX_VALUE).and(z.abs().compare(VectorOperators.LE, Float.MAX_VALUE)).and(«VectorPrinter.dualMask(f.dual, "z")»);
		«ELSE»
		VectorMask ok = r.abs().compare(VectorOperators.LE, Float.MAX_VALUE).and(z.abs().compare(VectorOperators.LE, Float.MAX_VALUE));
		«ENDIF»
		if (bad < 0 && !ok.allTrue()) {
			bad = «at» + ok.not().firstTrue();
		}
	'''

	/** The lane species: float lanes as wide as double lanes when functions run on double lanes. */
	def static species(KernelSpec s) '''
		«IF doubleLanes(s)»
		static final VectorSpecies DS = DoubleVector.SPECIES_PREFERRED;
		static final VectorSpecies FS = VectorSpecies.of(Float.TYPE, VectorShape.forBitSize(DoubleVector.SPECIES_PREFERRED.length() * 32));
		«ELSE»
		static final VectorSpecies DS = DoubleVector.SPECIES_PREFERRED;
		static final VectorSpecies FS = FloatVector.SPECIES_PREFERRED;
		«ENDIF»
	'''

	/** The lane helpers the printed expressions call (shared with {@link CompositeVectorTemplate}). */
	def static laneHelpers(KernelSpec s) '''
		/**
		 * How many of n elements from {@code offset} precede the first vector of {@code len} floats whose data start on a
		 * multiple of its size, supposing that element 0 lies 16 bytes past such a multiple, as in a large float[] (G1
		 * starts it at a region; 16 bytes of header) or a large direct buffer (malloc's 16 bytes past an mmap'ed page):
		 * then no load or store spans two cache lines (unaligned 64-byte vectors measured 1.5 times slower in the p-norm
		 * passes, 1.7 times in the separable step).
		 */
		static int head(int offset, int n, int len) {
			return Math.min(n, Math.floorMod(-(offset + 4), len));
		}

		static FloatVector toFloat(DoubleVector d) {
			return (FloatVector) d.convertShape(VectorOperators.D2F, FS, 0);
		}

		static DoubleVector toDouble(FloatVector f) {
			return (DoubleVector) f.convertShape(VectorOperators.F2D, DS, 0);
		}

		/** Math.signum lane-wise: ±1 with a's sign; ±0 and NaN unchanged. */
		static FloatVector signum(FloatVector a) {
			FloatVector s = a.reinterpretAsInts().and(0x80000000).or(0x3f800000).reinterpretAsFloats();
			return s.blend(a, a.compare(VectorOperators.EQ, 0.0f).or(a.test(VectorOperators.IS_NAN)));
		}

		/** Math.copySign lane-wise. */
		static FloatVector copySign(FloatVector m, FloatVector s) {
			return m.reinterpretAsInts().and(0x7fffffff).or(s.reinterpretAsInts().and(0x80000000)).reinterpretAsFloats();
		}

		/** Math.copySign lane-wise where m's sign bits are clear (|a|, √|a|): s's sign bit or'ed in. */
		static FloatVector withSign(FloatVector m, FloatVector s) {
			return m.reinterpretAsInts().or(s.reinterpretAsInts().and(0x80000000)).reinterpretAsFloats();
		}

		static DoubleVector copySignD(DoubleVector m, DoubleVector s) {
			return m.reinterpretAsLongs().and(0x7fffffffffffffffL).or(s.reinterpretAsLongs().and(0x8000000000000000L)).reinterpretAsDoubles();
		}

		«IF VectorPrinter.callsSignumOnDoubleLanes(s.bound.fusedStep) || VectorPrinter.callsSignumOnDoubleLanes(s.step?.fusedStep)»
		/** Math.signum on double lanes. */
		static DoubleVector signumD(DoubleVector a) {
			DoubleVector s = a.reinterpretAsLongs().and(0x8000000000000000L).or(0x3ff0000000000000L).reinterpretAsDoubles();
			return s.blend(a, a.compare(VectorOperators.EQ, 0.0).or(a.test(VectorOperators.IS_NAN)));
		}
		«ENDIF»

		«VectorPrinter.doubleLaneHelpers(s.bound.grad, s.bound.inverse, s.bound.fusedStep, s.step?.grad, s.step?.inverse, s.step?.fusedStep)»
	'''

	/** The methods a vector kernel leaves to its scalar class. */
	def delegates() '''
		public String name() { return scalar.name(); }
		public Map parameters() { return scalar.parameters(); }
		public double psi(double w) { return scalar.psi(w); }
		public double grad(double w) { return scalar.grad(w); }
		public double hessian(double w) { return scalar.hessian(w); }
		public double inverse(double z) { return scalar.inverse(z); }
		public double bregman(double w, double v) { return scalar.bregman(w, v); }
		public double bregman(float[] w, float[] v) { return scalar.bregman(w, v); }
		public boolean inverseIsClosedForm() { return scalar.inverseIsClosedForm(); }
		public Interval domain() { return scalar.domain(); }
		public Interval dualDomain() { return scalar.dualDomain(); }
	'''
}
