package io.physforge.platform.problem.internal;

import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.physforge.platform.problem.Problems;
import io.physforge.platform.problem.Problems.FieldError;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Describes a JSON body Jackson could not read in the client's terms: the field and the
 * type expected ({@code datasetId: expected a UUID}), never Jackson's own text, which
 * quotes Java class names.
 */
final class JsonProblems {

	/** Backtick-quoted or bare qualified Java names in parser messages. */
	private static final Pattern JAVA_NAME = Pattern
		.compile("`?\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)(?:\\[\\])?`?");

	private JsonProblems() {
	}

	static ProblemDetail of(Throwable cause) {
		if (cause instanceof JsonMappingException mapping) {
			String field = pathOf(mapping);
			String message = messageOf(mapping);
			ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
					"The request body is invalid: " + field + ": " + message + ".");
			problem.setProperty("errors", List.of(new FieldError(field, message)));
			return problem;
		}
		String detail = "The request body is not valid JSON for this endpoint.";
		if (cause instanceof JsonProcessingException parse) {
			detail = "The request body is not valid JSON: " + scrub(parse.getOriginalMessage())
					+ ((parse.getLocation() != null) ? " (line " + parse.getLocation().getLineNr() + ", column "
							+ parse.getLocation().getColumnNr() + ")" : "")
					+ ".";
		}
		return Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
	}

	private static String messageOf(JsonMappingException mapping) {
		if (mapping instanceof UnrecognizedPropertyException unknown) {
			Collection<Object> known = unknown.getKnownPropertyIds();
			return "unknown field"
					+ ((known != null && !known.isEmpty())
							? "; known fields: "
									+ known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))
							: "");
		}
		if (mapping instanceof InvalidTypeIdException) {
			return "has an unknown or missing type";
		}
		if (mapping instanceof ValueInstantiationException) {
			Throwable cause = mapping.getCause();
			return (cause instanceof IllegalArgumentException && cause.getMessage() != null)
					? "is not valid: " + scrub(cause.getMessage()) : "is not valid";
		}
		if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return "expected " + describe(mismatch.getTargetType());
		}
		return "has a value of the wrong type or shape";
	}

	/**
	 * @param type a Java type
	 * @return how a JSON client would call it
	 */
	static String describe(Class<?> type) {
		if (type == UUID.class) {
			return "a UUID";
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class
				|| type == short.class || type == Short.class || type == byte.class || type == Byte.class
				|| type == BigInteger.class) {
			return "an integer";
		}
		if (type.isPrimitive() && type != boolean.class && type != char.class || Number.class.isAssignableFrom(type)) {
			return "a number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
			return "a string";
		}
		if (type.isEnum()) {
			return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "an array";
		}
		if (type == Duration.class) {
			return "an ISO-8601 duration such as PT30S";
		}
		if (type == LocalDate.class) {
			return "an ISO-8601 date such as 2026-12-01";
		}
		if (type == LocalTime.class) {
			return "an ISO-8601 time";
		}
		if (Temporal.class.isAssignableFrom(type)) {
			return "an ISO-8601 date-time such as 2026-12-01T00:00:00Z";
		}
		if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
			return "an object";
		}
		return "a value of another type";
	}

	/**
	 * @param text a message that may quote Java names
	 * @return the message with every qualified name shortened to its simple name
	 */
	static String scrub(String text) {
		return (text != null) ? JAVA_NAME.matcher(text).replaceAll("$1") : null;
	}

	private static String pathOf(JsonMappingException mapping) {
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference reference : mapping.getPath()) {
			if (reference.getFieldName() != null) {
				if (path.length() > 0) {
					path.append('.');
				}
				path.append(reference.getFieldName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return (path.length() > 0) ? path.toString() : "body";
	}

}
