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

			private final Interval dual;

			/** @param dual g's dual domain (the scalar tail's check) */
			public «className(s)»(Interval dual) {
				this.dual = dual;
			}

			/** e.g. "fused vector passes (8 x float)". */
			public static String kind() {
				return "fused vector passes (" + FS.length() + " x float«IF VectorTemplate.doubleLanes(s)», functions on double lanes«ENDIF»)";
			}

			public double powerSum(float[] w, int offset, int n) {
				Objects.checkFromIndexSize(offset, n, w.length);
				int len = FS.length();
				int upper = n - n % len;
				DoubleVector s0 = DoubleVector.zero(DS);
				DoubleVector s1 = DoubleVector.zero(DS);
				int i = 0;
				for (; i < upper; i += len) {
					FloatVector r = FloatVector.fromArray(FS, w, offset + i);
					«accumulate("r", r)»
				}
				double t = total(s0, s1);
				for (; i < n; i++) {
					double a = Math.abs((double) w[offset + i]);
					t += «PowerText.scalar("a", r)»;
				}
				return t;
			}

			public double dualPass(float[] w, int offset, float[] g, int gOffset, int n, float lr) {
				Objects.checkFromIndexSize(offset, n, w.length);
				Objects.checkFromIndexSize(gOffset, n, g.length);
				int len = FS.length();
				int upper = n - n % len;
				DoubleVector s0 = DoubleVector.zero(DS);
				DoubleVector s1 = DoubleVector.zero(DS);
				int i = 0;
				for (; i < upper; i += len) {
					FloatVector x = FloatVector.fromArray(FS, w, offset + i);
					FloatVector gv = FloatVector.fromArray(FS, g, gOffset + i);
					FloatVector y = «new VectorPrinter("x").print(s.bound.grad)».sub(gv.mul(lr));
					y.intoArray(w, offset + i);
					«accumulate("y", p)»
				}
				double t = total(s0, s1);
				for (; i < n; i++) {
					float x = w[offset + i];
					float y = «f(s.bound.grad, "x")» - lr * g[gOffset + i];
					w[offset + i] = y;
					double a = Math.abs((double) y);
					t += «PowerText.scalar("a", p)»;
				}
				return t;
			}

			public double primalPass(float[] w, int offset, int n, float mu, int[] badOut) {
				Objects.checkFromIndexSize(offset, n, w.length);
				int len = FS.length();
				int upper = n - n % len;
				int bad = -1;
				DoubleVector s0 = DoubleVector.zero(DS);
				DoubleVector s1 = DoubleVector.zero(DS);
				int i = 0;
				for (; i < upper; i += len) {
					FloatVector z = FloatVector.fromArray(FS, w, offset + i).mul(mu);
					FloatVector r = «new VectorPrinter("z").printLast(s.bound.inverse)»;
					r.intoArray(w, offset + i);
					«new VectorTemplate().check(s)»
					«accumulate("r", r)»
				}
				double t = total(s0, s1);
				for (; i < n; i++) {
					float z = w[offset + i] * mu;
					float r = «f(s.bound.inverse, "z")»;
					w[offset + i] = r;
					boolean ok = Math.abs(r) <= Float.MAX_VALUE && Math.abs(z) <= Float.MAX_VALUE && dual.contains(z);
					if (!ok && bad < 0) bad = i;
					double a = Math.abs((double) r);
					t += «PowerText.scalar("a", r)»;
				}
				badOut[0] = bad;
				return t;
			}

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
