package io.physforge.cli.discover;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

import io.physforge.core.discovery.DiscoveredEquation;
import io.physforge.core.discovery.DiscoveryResult;
import io.physforge.core.discovery.TermCoefficient;

/**
 * The plain-text account of how sure a discovery is ({@code discover --details}): per
 * equation its terms with coefficient, 95% interval and inclusion probability (the
 * ensemble's, or 1 and the refit's interval without one), the terms dropped because their
 * interval contained zero, then the method and the estimated noise level per field. The
 * same numbers are in the JSON ({@code --json}: {@code terms[].ci}, {@code inclusion},
 * {@code metrics}).
 */
final class UncertaintyReport {

	private UncertaintyReport() {
	}

	@SuppressWarnings("unchecked")
	static void print(DiscoveryResult result, PrintWriter out) {
		Map<String, Object> perEquation = (result.metrics().get("equations") instanceof Map<?, ?> m)
				? (Map<String, Object>) m : Map.of();
		for (DiscoveredEquation e : result.equations()) {
			out.println(e.text());
			out.printf(Locale.ROOT, "  %-12s %14s  %-31s %s%n", "term", "coefficient", "95% interval", "inclusion");
			for (TermCoefficient t : e.terms()) {
				out.printf(Locale.ROOT, "  %-12s %14.6g  [%13.6g, %13.6g]  %9.2f%n", t.term(), t.coefficient(),
						t.ci()[0], t.ci()[1], t.inclusion());
			}
			if (perEquation.get(e.lhs()) instanceof Map<?, ?> em
					&& em.get("prunedInsignificant") instanceof Map<?, ?> pruned) {
				for (Map.Entry<?, ?> p : pruned.entrySet()) {
					Map<String, Object> v = (Map<String, Object>) p.getValue();
					out.printf(Locale.ROOT,
							"  dropped, its 95%% interval contains zero: %s = %.4g (standard error %.2g)%n", p.getKey(),
							(Double) v.get("coefficient"), (Double) v.get("standardError"));
				}
			}
		}
		StringBuilder noise = new StringBuilder();
		if (result.metrics().get("noiseLevel") instanceof Map<?, ?> levels) {
			for (Map.Entry<?, ?> l : levels.entrySet()) {
				noise.append(noise.isEmpty() ? "" : ", ")
					.append(String.format(Locale.ROOT, "%s %.2f%%", l.getKey(),
							100 * ((Number) l.getValue()).doubleValue()));
			}
		}
		out.println("method: " + result.metrics().getOrDefault("method", "?")
				+ (noise.isEmpty() ? "" : "; estimated noise (sigma / std): " + noise));
	}

}
