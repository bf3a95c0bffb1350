package io.physforge.audit.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS) for the values an audit event holds:
 * objects, arrays, strings, {@code true}/{@code false}, {@code null} and integers.
 * <p>
 * Guarantees: two JSON texts with the same data (member order, insignificant white space
 * and escaping aside) give the same canonical text, byte for byte in UTF-8, so a hash of
 * it identifies the data. As RFC 8785 §3.2 requires: no white space; object members
 * sorted by the UTF-16 code units of their names (§3.2.3, which is
 * {@link String#compareTo}); strings escaped exactly as §3.2.2.2 says ({@code \"},
 * {@code \\}, {@code \b \t \n \f \r}, other control characters as &#92;u00xx in lower
 * case, everything else literal). Numbers: only integers within the I-JSON exact range
 * ±(2<sup>53</sup>−1) are accepted, which JCS writes as plain decimal digits; any
 * fraction or exponent is refused with {@link IllegalArgumentException}, as are duplicate
 * member names, lone surrogates and trailing text.
 */
public final class CanonicalJson {

	private static final long MAX_EXACT = (1L << 53) - 1;

	private static final ObjectMapper STRICT = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
		.disable(JsonParser.Feature.ALLOW_COMMENTS)
		.build();

	private CanonicalJson() {
	}

	/**
	 * Parses JSON strictly (duplicate names and trailing text refused).
	 * @param json a JSON text
	 * @return its tree
	 * @throws IllegalArgumentException when it is not JSON or has duplicate names
	 */
	public static JsonNode parse(String json) {
		try {
			JsonNode node = STRICT.readTree(json);
			if (node == null || node.isMissingNode()) {
				throw new IllegalArgumentException("empty JSON text");
			}
			return node;
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("not valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Parses and re-serialises a JSON text canonically.
	 * @param json a JSON text
	 * @return its RFC 8785 canonical form
	 * @throws IllegalArgumentException when it is not JSON or holds a value JCS cannot
	 * write exactly here (non-integral numbers)
	 */
	public static String canonicalize(String json) {
		return serialize(parse(json));
	}

	/**
	 * Serialises a tree canonically.
	 * @param node a JSON tree
	 * @return its RFC 8785 canonical form
	 * @throws IllegalArgumentException for non-integral numbers or lone surrogates
	 */
	public static String serialize(JsonNode node) {
		StringBuilder out = new StringBuilder(256);
		write(node, out, "$");
		return out.toString();
	}

	private static void write(JsonNode node, StringBuilder out, String path) {
		switch (node.getNodeType()) {
			case OBJECT -> {
				List<String> names = new ArrayList<>();
				for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
					names.add(it.next().getKey());
				}
				names.sort(String::compareTo);
				out.append('{');
				for (int i = 0; i < names.size(); i++) {
					if (i > 0) {
						out.append(',');
					}
					String name = names.get(i);
					string(name, out, path);
					out.append(':');
					write(node.get(name), out, path + "." + name);
				}
				out.append('}');
			}
			case ARRAY -> {
				out.append('[');
				for (int i = 0; i < node.size(); i++) {
					if (i > 0) {
						out.append(',');
					}
					write(node.get(i), out, path + "[" + i + "]");
				}
				out.append(']');
			}
			case STRING -> string(node.textValue(), out, path);
			case BOOLEAN -> out.append(node.booleanValue());
			case NULL -> out.append("null");
			case NUMBER -> number(node, out, path);
			default ->
				throw new IllegalArgumentException("unsupported JSON value at " + path + ": " + node.getNodeType());
		}
	}

	private static void number(JsonNode node, StringBuilder out, String path) {
		if (!node.isIntegralNumber()) {
			throw new IllegalArgumentException("non-integral number " + node + " at " + path
					+ ": audit events carry integers only (RFC 8785 would need ES6 double formatting)");
		}
		BigInteger value = node.bigIntegerValue();
		if (value.abs().compareTo(BigInteger.valueOf(MAX_EXACT)) > 0) {
			throw new IllegalArgumentException("integer " + value + " at " + path
					+ " is outside the exact range +-(2^53-1) of RFC 8785/I-JSON numbers");
		}
		out.append(value.longValue());
	}

	private static void string(String text, StringBuilder out, String path) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\f' -> out.append("\\f");
				case '\r' -> out.append("\\r");
				default -> {
					if (c < 0x20) {
						out.append("\\u00")
							.append(Character.forDigit(c >> 4, 16))
							.append(Character.forDigit(c & 0xF, 16));
					}
					else if (Character.isHighSurrogate(c) && i + 1 < text.length()
							&& Character.isLowSurrogate(text.charAt(i + 1))) {
						out.append(c).append(text.charAt(++i));
					}
					else if (Character.isSurrogate(c)) {
						throw new IllegalArgumentException("lone surrogate U+" + Integer.toHexString(c).toUpperCase()
								+ " in a string at " + path + ": not well-formed Unicode");
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
