package org.bregman.codegen

import static org.bregman.codegen.TemplateSupport.*

/**
 * The members a time-varying potential's Vector API kernel adds ({@link VectorTemplate} writes the rest): {@code time},
 * {@code between}, and the nested {@code Between} class stepping from time p0 to p1 on the same lanes.
 */
class TimeVaryingVectorTemplate extends VectorTemplate {

	/**
	 * A time-varying potential's kernel: the step between two times on the same lanes, its times in fields (what depends
	 * on them alone computed once per step, before the loop), the scalar class's Between for the rest.
	 */
	def members(KernelSpec s) '''
		public String time() {
			return ((TimeVaryingMirrorMap) scalar).time();
		}

		public MirrorMap between(double from, double to) {
			return new Between(((TimeVaryingMirrorMap) scalar).between(from, to), from, to);
		}

		/** One step from time p0 to time p1. */
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

			public int step(float[] w, int wOffset, float[] g, int gOffset, int n, float lr) {
				Objects.checkFromIndexSize(wOffset, n, w.length);
				Objects.checkFromIndexSize(gOffset, n, g.length);
				// as the step fixed in time: the elements before the first aligned vector by the scalar step
				int i = head(wOffset, n, FS.length());
				int bad = i == 0 ? -1 : scalar.step(w, wOffset, g, gOffset, i, lr);
				int upper = n - (n - i) % FS.length();
				«IF chunked(s)»
				for (int m = 0; i < upper; i += m) {
					m = Math.min(CHUNK, upper - i);
					int t = smallShifts(g, gOffset + i, m, lr) ? smallShiftRun(w, wOffset + i, g, gOffset + i, m, lr) : fusedRun(w, wOffset + i, g, gOffset + i, m, lr);
					if (t >= 0 && bad < 0) bad = i + t;
				}
				«ELSE»
				«invariantLines(s.step)»for (; i < upper; i += FS.length()) {
					«block(s.step, true, "i", s.step.fusedStep, true)»
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
				if (w.hasArray() && g.hasArray() && !w.isReadOnly() && g.remaining() >= n) {
					return step(w.array(), w.arrayOffset() + w.position(), g.array(), g.arrayOffset() + g.position(), n, lr);
				}
				if (!w.isDirect() || !g.isDirect() || w.order() != ORDER || g.order() != ORDER || g.remaining() < n) {
					return scalar.step(w, g, lr); // the scalar class checks the lengths
				}
				MemorySegment ws = MemorySegment.ofBuffer(w);
				MemorySegment gs = MemorySegment.ofBuffer(g);
				int i = head(w.position(), n, FS.length());
				int bad = -1;
				if (i > 0) {
					FloatBuffer wh = w.duplicate();
					wh.limit(w.position() + i);
					bad = scalar.step(wh, g.duplicate(), lr);
				}
				int upper = n - (n - i) % FS.length();
				«IF chunked(s)»
				for (int m = 0; i < upper; i += m) {
					m = Math.min(CHUNK, upper - i);
					MemorySegment wc = ws.asSlice(4L * i);
					MemorySegment gc = gs.asSlice(4L * i);
					int t = smallShifts(gc, m, lr) ? smallShiftRun(wc, gc, m, lr) : fusedRun(wc, gc, m, lr);
					if (t >= 0 && bad < 0) bad = i + t;
				}
				«ELSE»
				«invariantLines(s.step)»for (; i < upper; i += FS.length()) {
					«block(s.step, false, "i", s.step.fusedStep, true)»
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

			«IF chunked(s)»
			«betweenRuns(s, true)»

			«betweenRuns(s, false)»

			«ENDIF»
			public String toString() {
				return scalar + " [" + kind() + "]";
			}
		}
	'''

	/** Whether the step between two times has a small-shift form on double lanes, chosen per chunk as the fixed step's. */
	def static boolean chunked(KernelSpec s) {
		doubleLaneSmallShift(s) && s.step.smallShiftStep !== null
	}

	/** The chunk runs of {@link VectorTemplate#runs}, as instance methods: they read the times p0, p1. */
	def betweenRuns(KernelSpec s, boolean array) '''
		«FOR small : #[true, false] SEPARATOR "\n"»
		«val step = if (small) s.step.smallShiftStep else s.step.fusedStep»
		private int «IF small»smallShiftRun«ELSE»fusedRun«ENDIF»(«IF array»float[] w, int wOffset, float[] g, int gOffset, «ELSE»MemorySegment ws, MemorySegment gs, «ENDIF»int m, float lr) {
			«invariantLines(step)»int bad = -1;
			for (int i = 0; i < m; i += FS.length()) {
				«block(s.step, array, "i", step, true)»
			}
			return bad;
		}
		«ENDFOR»
	'''
}
