package org.bregman.codegen

import static org.bregman.codegen.TemplateSupport.*

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
			static final ByteOrder ORDER = ByteOrder.nativeOrder();

			private final MirrorMap scalar;

			public «className(s)»(MirrorMap scalar) {
				this.scalar = scalar;
			}

			/** e.g. "vector (8 x float)". */
			public static String kind() {
				return "vector (" + FS.length() + " x float«IF doubleLanes(s)», functions on double lanes«ENDIF»)";
			}

			«delegates»

			«stepMethods(s.bound, false)»
			«IF s.timeVarying»

			public String time() {
				return ((TimeVaryingMirrorMap) scalar).time();
			}

			public MirrorMap between(double from, double to) {
				return new Between(((TimeVaryingMirrorMap) scalar).between(from, to), from, to);
			}

			/** One step from time p0 to time p1 on the same lanes (the scalar class's Between for the rest). */
			static final class Between implements MirrorMap {

				private final MirrorMap scalar;
				private final double p0;
				private final double p1;

				Between(MirrorMap scalar, double p0, double p1) {
					this.scalar = scalar;
					this.p0 = p0;
					this.p1 = p1;
				}

				«delegates»

				«stepMethods(s.step, true)»

				public String toString() {
					return scalar + " [" + kind() + "]";
				}
			}
			«ENDIF»

			«laneHelpers(s)»

			public String toString() {
				return scalar + " [" + kind() + "]";
			}
		}
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

	/**
	 * The two step methods over one set of forms; {@code params}: the forms read the fields p0, p1 (a time-varying
	 * step's two times), as the scalar class's float code reads them: {@code (float) p0}.
	 */
	def stepMethods(Forms f, boolean params) '''
		public int step(float[] w, int wOffset, float[] g, int gOffset, int n, float lr) {
			Objects.checkFromIndexSize(wOffset, n, w.length);
			Objects.checkFromIndexSize(gOffset, n, g.length);
			int len = FS.length();
			int upper = n - n % len;
			«IF hasInvariants(f)»
			«fusedInvariants(f.fusedStep)»
			«ENDIF»
			int bad = -1;
			int i = 0;
			for (; i < upper; i += len) {
				FloatVector x = FloatVector.fromArray(FS, w, wOffset + i);
				FloatVector gv = FloatVector.fromArray(FS, g, gOffset + i);
				«core(f, params)»
				r.intoArray(w, wOffset + i);
				«check(f)»
			}
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
			int len = FS.length();
			int upper = n - n % len;
			«IF hasInvariants(f)»
			«fusedInvariants(f.fusedStep)»
			«ENDIF»
			int bad = -1;
			int i = 0;
			for (; i < upper; i += len) {
				long off = 4L * i;
				FloatVector x = FloatVector.fromMemorySegment(FS, ws, off, ORDER);
				FloatVector gv = FloatVector.fromMemorySegment(FS, gs, off, ORDER);
				«core(f, params)»
				r.intoMemorySegment(ws, off, ORDER);
				«check(f)»
			}
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
	'''

	def core(Forms f, boolean params) '''
		«IF f.fused»
		FloatVector c = gv.mul(lr);
		DoubleVector xd = toDouble(x);
		DoubleVector cd = toDouble(c);
		«VectorPrinter.doubleLocals(f.fusedStep, "xd", "cd")»
		FloatVector r = toFloat(«VectorPrinter.printDouble(f.fusedStep, "xd", "cd")»);
		«ELSE»
		FloatVector z = «new VectorPrinter("x", params).print(f.grad)».sub(gv.mul(lr));
		FloatVector r = «new VectorPrinter("z", params).printLast(f.inverse)»;
		«ENDIF»
	'''

	def check(Forms f) '''
		«IF f.fused»
		VectorMask ok = r.abs().compare(VectorOperators.LE, Float.MAX_VALUE).and(c.abs().compare(VectorOperators.LE, Float.MAX_VALUE))«IF !f.domain.isAllReals».and(«VectorPrinter.dualMask(f.domain, "x")»)«ENDIF»;
		«ELSEIF checksDual(f)»
		VectorMask ok = r.abs().compare(VectorOperators.LE, Float.MAX_VALUE).and(z.abs().compare(VectorOperators.LE, Float.MAX_VALUE)).and(«VectorPrinter.dualMask(f.dual, "z")»);
		«ELSE»
		VectorMask ok = r.abs().compare(VectorOperators.LE, Float.MAX_VALUE).and(z.abs().compare(VectorOperators.LE, Float.MAX_VALUE));
		«ENDIF»
		if (bad < 0 && !ok.allTrue()) {
			bad = i + ok.not().firstTrue();
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
}
