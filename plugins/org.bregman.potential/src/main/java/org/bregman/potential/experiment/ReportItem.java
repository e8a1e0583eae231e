package org.bregman.potential.experiment;

/**
 * A report item ({@code report bregman, exact}): its name, its description and where it applies. The rule is
 * the one place that says where an item applies: the validator warns with it, and the trainer's writer for the
 * item explains in {@code summary.md} why it wrote no table.
 */
public record ReportItem(String name, String description, Applicability applicability) {

    /** What is known of an experiment when the rule is asked: a name is {@code null} and a count 0 when unknown. */
    public record Setup(String model, String loss, String data, int outputs, Boolean classification) {
        /** What the settings as written tell: regression data has no class labels. */
        public static Setup declared(String model, String loss, String data) {
            return new Setup(model, loss, data, 0, "regression".equals(data) ? Boolean.FALSE : null);
        }
    }

    /** Why the item does not apply to an experiment ({@code null}: it applies, or it cannot be told yet). */
    @FunctionalInterface
    public interface Applicability {
        String problem(String item, Setup setup);
    }

    /** Why the item does not apply, or {@code null}. */
    public String problem(Setup setup) {
        return applicability.problem(name, setup);
    }

    static final Applicability ALWAYS = (item, s) -> null;

    /** The exact minimiser over {w : Xw = y} is defined for a linear model with the squared loss and one output. */
    static final Applicability EXACT = (item, s) -> {
        if (s.model() != null && !"linear".equals(s.model()) && Vocabulary.MODELS.containsKey(s.model())) {
            return "report exact needs model linear (the exact Bregman minimiser is computed for linear models only)";
        }
        if (s.loss() != null && !"squared".equals(s.loss()) && Vocabulary.LOSSES.containsKey(s.loss())) {
            return "report exact needs loss squared (the exact Bregman minimiser interpolates the targets: Xw = y)";
        }
        if (s.outputs() > 1) return "report exact needs one output (the exact Bregman minimiser is computed for one output only)";
        return null;
    };

    /** Accuracies and margins are those of class labels. */
    static final Applicability CLASSIFICATION = (item, s) -> Boolean.FALSE.equals(s.classification())
            ? "report " + item + " is meant for classification; regression data has real-valued targets"
            : null;
}
