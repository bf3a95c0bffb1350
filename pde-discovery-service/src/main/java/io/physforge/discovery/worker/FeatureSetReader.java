package io.physforge.discovery.worker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;
import io.physforge.core.field.Grid;
import io.physforge.core.io.DataSets;
import io.physforge.core.io.InvalidDataException;
import io.physforge.platform.queue.JobResultRef;
import io.physforge.platform.storage.ObjectNotFoundException;
import io.physforge.platform.storage.ObjectStorage;

import org.springframework.stereotype.Component;

/**
 * Reads a derivative feature set made by derivative-service (an upstream result of kind
 * {@code feature-set}): the NPZ at its {@code location} in bucket {@code artifacts},
 * holding the fields and their derivatives by canonical name ({@code u}, {@code u_t},
 * {@code u_xx}, ...). Its summary names the arrays ({@code names}), the data set's fields
 * ({@code fields}) and the points per end of each axis where the derivatives are
 * unreliable ({@code trim}, from the differentiators' {@code unreliableEdge}); the field
 * is cropped by that trim before discovery.
 */
@Component
public class FeatureSetReader {

	/** The bucket of feature sets. */
	public static final String BUCKET = "artifacts";

	private static final String PREFIX = "s3://" + BUCKET + "/";

	private final ObjectStorage storage;

	public FeatureSetReader(ObjectStorage storage) {
		this.storage = storage;
	}

	/**
	 * Reads and crops a feature set.
	 * @param ref the upstream result
	 * @return the cropped values, the field names and the source to record
	 * @throws IllegalArgumentException when the reference, the object or its summary
	 * cannot be used (naming what and how to fix it)
	 */
	public Features read(JobResultRef ref) {
		String what = "feature set " + ref.id() + " (" + ref.location() + ")";
		if (ref.location() == null || !ref.location().startsWith(PREFIX)
				|| ref.location().length() == PREFIX.length()) {
			throw new IllegalArgumentException(what + " is not stored in bucket " + BUCKET + " (" + PREFIX
					+ "<key>); run its derivatives step again");
		}
		JsonNode summary = (ref.summary() != null) ? ref.summary() : MissingNode.getInstance();
		List<String> names = strings(summary.path("names"));
		if (names.isEmpty()) {
			throw new IllegalArgumentException(what + " has no 'names' in its summary, so its arrays cannot be read; "
					+ "run its derivatives step again with a derivative-service that reports them");
		}
		List<String> fields = strings(summary.path("fields"));
		if (fields.isEmpty()) {
			for (String name : names) {
				if (name.indexOf('_') < 0) {
					fields.add(name);
				}
			}
		}
		Map<String, Integer> trim = new LinkedHashMap<>();
		summary.path("trim").fields().forEachRemaining((e) -> trim.put(e.getKey(), e.getValue().asInt()));
		Field full = download(what, ref.location().substring(PREFIX.length()), names);
		Field cropped = crop(full, trim, what);
		Map<String, Object> source = new LinkedHashMap<>();
		source.put("kind", JobResultRef.FEATURE_SET);
		source.put("id", ref.id());
		source.put("location", ref.location());
		if (summary.hasNonNull("method")) {
			source.put("method", summary.path("method").asText());
		}
		if (summary.hasNonNull("modelId")) {
			source.put("modelId", summary.path("modelId").asText());
		}
		if (summary.hasNonNull("sha256")) {
			source.put("sha256", summary.path("sha256").asText());
		}
		source.put("trim", trim);
		return new Features(cropped, fields, source);
	}

	private Field download(String what, String key, List<String> names) {
		try {
			return this.storage.readViaTemporaryFile(BUCKET, key, "physforge-features-",
					(file) -> DataSets.readNamedArrays(file, names));
		}
		catch (ObjectNotFoundException ex) {
			throw new IllegalArgumentException(
					what + " does not exist in storage: it was deleted; run the pipeline again", ex);
		}
		catch (InvalidDataException ex) {
			throw new IllegalArgumentException(what + " is not a feature-set NPZ that can be read: " + ex.problem()
					+ "; run its derivatives step again", ex);
		}
	}

	/**
	 * Drops {@code trim} points at each end of each named axis.
	 * @param field the values
	 * @param trim points per end by axis name (absent axes are kept whole)
	 * @param what the feature set, for messages
	 * @return the cropped field (the same one when nothing is trimmed)
	 */
	static Field crop(Field field, Map<String, Integer> trim, String what) {
		Grid grid = field.grid();
		int rank = grid.rank();
		int[] lo = new int[rank];
		int[] shape = new int[rank];
		List<Axis> axes = new ArrayList<>();
		boolean any = false;
		for (int d = 0; d < rank; d++) {
			Axis axis = grid.axes().get(d);
			int t = trim.getOrDefault(axis.name(), 0);
			if (t < 0 || 2 * t >= axis.size()) {
				throw new IllegalArgumentException(what + " asks to trim " + t + " points at each end of axis '"
						+ axis.name() + "' of " + axis.size() + " points; nothing would be left");
			}
			any |= t > 0;
			lo[d] = t;
			shape[d] = axis.size() - 2 * t;
			axes.add(new Axis(axis.name(), Arrays.copyOfRange(axis.values(), t, t + shape[d])));
		}
		for (String name : trim.keySet()) {
			if (!grid.hasAxis(name)) {
				throw new IllegalArgumentException(what + " trims axis '" + name + "' but its grid is " + grid);
			}
		}
		if (!any) {
			return field;
		}
		Grid cropped = new Grid(axes);
		Map<String, double[]> values = new LinkedHashMap<>();
		int[] index = new int[rank];
		int[] source = new int[rank];
		for (Map.Entry<String, double[]> e : field.asMap().entrySet()) {
			double[] out = new double[cropped.size()];
			Arrays.fill(index, 0);
			for (int i = 0; i < out.length; i++) {
				for (int d = 0; d < rank; d++) {
					source[d] = index[d] + lo[d];
				}
				out[i] = e.getValue()[grid.flatIndex(source)];
				for (int d = rank - 1; d >= 0; d--) {
					if (++index[d] < shape[d]) {
						break;
					}
					index[d] = 0;
				}
			}
			values.put(e.getKey(), out);
		}
		return new Field(cropped, values);
	}

	private static List<String> strings(JsonNode array) {
		List<String> list = new ArrayList<>();
		if (array.isArray()) {
			array.forEach((e) -> list.add(e.asText()));
		}
		return list;
	}

	/**
	 * A feature set ready for {@code Discovery.discoverFromDerivatives}.
	 *
	 * @param field the fields and derivatives, edges trimmed
	 * @param fields the names of the fields (the others are derivatives)
	 * @param source what to record as the derivative source
	 */
	public record Features(Field field, List<String> fields, Map<String, Object> source) {

	}

}
