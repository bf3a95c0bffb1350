package io.physforge.audit.chain;

import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the lines of an audit export, {@value #FORMAT} (JSON Lines, UTF-8, one JSON
 * object per line, {@code \n} after each):
 * <ol>
 * <li>a header
 * {@code {"format":"physforge-audit-export/v1","firstSeq":F,"lastSeq":L}};</li>
 * <li>one line per event, seq F to L in order:
 * {@code {"seq":S,"event":{...},"leafHash":hex,"prevHash":hex,"hash":hex}}, the event in
 * its RFC 8785 canonical form;</li>
 * <li>one or more checkpoint lines covering the events:
 * {@code {"checkpoint":{"treeSize":N,"rootHash":hex,"lastChainHash":hex,"time":"...Z","keyId":"..","signature":base64},
 * "rangeProof":{"from":F-1,"to":L,"hashes":[hex,...]}}}, where {@code [from, to)} are the
 * events' leaf indices and {@code hashes} the RFC 9162 range proof
 * ({@link MerkleTree#rangeProof}).</li>
 * </ol>
 * {@link ExportVerifier} checks such a file with only the public key.
 */
public final class ExportFormat {

	/** The format name in the header. */
	public static final String FORMAT = "physforge-audit-export/v1";

	private ExportFormat() {
	}

	/**
	 * @param firstSeq first exported seq
	 * @param lastSeq last exported seq
	 * @return the header line, without the newline
	 */
	public static String header(long firstSeq, long lastSeq) {
		return "{\"format\":\"" + FORMAT + "\",\"firstSeq\":" + firstSeq + ",\"lastSeq\":" + lastSeq + "}";
	}

	/**
	 * @param seq the event's seq
	 * @param canonicalEvent its canonical JSON text
	 * @param leafHash its leaf hash
	 * @param prevHash the link before it
	 * @param hash its link
	 * @return the event line, without the newline
	 */
	public static String event(long seq, String canonicalEvent, byte[] leafHash, byte[] prevHash, byte[] hash) {
		return "{\"seq\":" + seq + ",\"event\":" + canonicalEvent + ",\"leafHash\":\"" + Hex.of(leafHash)
				+ "\",\"prevHash\":\"" + Hex.of(prevHash) + "\",\"hash\":\"" + Hex.of(hash) + "\"}";
	}

	/**
	 * @param checkpoint a checkpoint covering the events
	 * @param from first leaf index of the events
	 * @param to leaf index after the last
	 * @param proof the range proof of {@code [from, to)} in the checkpoint's tree
	 * @return the checkpoint line, without the newline
	 */
	public static String checkpoint(Checkpoint checkpoint, long from, long to, List<byte[]> proof) {
		return "{\"checkpoint\":{\"treeSize\":" + checkpoint.treeSize() + ",\"rootHash\":\""
				+ Hex.of(checkpoint.rootHash()) + "\",\"lastChainHash\":\"" + Hex.of(checkpoint.lastChainHash())
				+ "\",\"time\":\"" + Checkpoint.formatTime(checkpoint.time()) + "\",\"keyId\":\"" + checkpoint.keyId()
				+ "\",\"signature\":\"" + Base64.getEncoder().encodeToString(checkpoint.signature())
				+ "\"},\"rangeProof\":{\"from\":" + from + ",\"to\":" + to + ",\"hashes\":["
				+ proof.stream().map((h) -> "\"" + Hex.of(h) + "\"").collect(Collectors.joining(",")) + "]}}";
	}

}
