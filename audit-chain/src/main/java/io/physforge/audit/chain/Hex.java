package io.physforge.audit.chain;

import java.util.HexFormat;

/**
 * Lower-case hexadecimal for hashes, as every audit file and API writes them.
 */
public final class Hex {

	private static final HexFormat HEX = HexFormat.of();

	private Hex() {
	}

	/**
	 * @param bytes bytes
	 * @return lower-case hex
	 */
	public static String of(byte[] bytes) {
		return HEX.formatHex(bytes);
	}

	/**
	 * @param hex hex digits
	 * @return the bytes
	 * @throws IllegalArgumentException when not an even number of hex digits
	 */
	public static byte[] parse(String hex) {
		return HEX.parseHex(hex);
	}

	/**
	 * A 32-byte hash from hex.
	 * @param hex 64 hex digits
	 * @param what what it is, for the error message
	 * @return the hash
	 * @throws IllegalArgumentException when not 64 hex digits
	 */
	public static byte[] hash(String hex, String what) {
		if (hex == null || hex.length() != 64) {
			throw new IllegalArgumentException(what + " must be 64 hex digits, was " + hex);
		}
		return parse(hex);
	}

}
