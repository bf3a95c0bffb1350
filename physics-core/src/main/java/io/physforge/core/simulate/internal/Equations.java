package io.physforge.core.simulate.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Registry of the built-in equations, by name. */
public final class Equations {

	private static final Map<String, SpectralEquation> BUILT_IN = new LinkedHashMap<>();

	static {
		for (SpectralEquation e : List.of(new Heat(), new AdvectionDiffusion(), new Burgers(), new KortewegDeVries(),
				new KuramotoSivashinsky(), new AllenCahn(), new FisherKpp(), new NonlinearSchroedinger(),
				new ReactionDiffusion())) {
			BUILT_IN.put(e.name(), e);
		}
	}

	private Equations() {
	}

	/** Names of the built-in equations, in a stable order. */
	public static List<String> names() {
		return List.copyOf(BUILT_IN.keySet());
	}

	/**
	 * The named equation.
	 * @throws IllegalArgumentException listing the known names when unknown
	 */
	public static SpectralEquation byName(String name) {
		SpectralEquation e = (name == null) ? null : BUILT_IN.get(name);
		if (e == null) {
			throw new IllegalArgumentException("unknown equation '" + name + "'; known: " + names());
		}
		return e;
	}

}
