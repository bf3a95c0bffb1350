package io.physforge.cli.remote;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import io.physforge.audit.chain.ExportVerifier;
import io.physforge.audit.chain.SigningKeys;
import io.physforge.audit.chain.VerifyResult;
import io.physforge.cli.internal.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code physforge audit verify-file EXPORT.jsonl --public-key KEY}: checks an export of
 * the audit log offline, with no server: every event's RFC 9162 leaf hash, the links
 * between events, the Ed25519 signature of the covering checkpoint and its Merkle root
 * recomputed from the events and the range proof. Exit status 0 when valid, 3 when not.
 */
@Command(name = "verify-file", mixinStandardHelpOptions = true,
		description = "Check an export offline against the audit log's public key (exit status 3 when invalid).")
class AuditVerifyFileCommand implements Callable<Integer> {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Parameters(paramLabel = "EXPORT", description = "The file written by 'physforge audit export'.")
	Path export;

	@Option(names = "--public-key", required = true, paramLabel = "KEY",
			description = "The log's Ed25519 public key: a file holding it (PEM or base64 DER, as served at "
					+ "/api/audit/public-key), or the base64 itself.")
	String publicKey;

	@Option(names = "--json", description = "Print the result as JSON.")
	boolean json;

	@Override
	public Integer call() {
		PublicKey key = readKey();
		VerifyResult result;
		try (Reader reader = Files.newBufferedReader(this.export, StandardCharsets.UTF_8)) {
			result = new ExportVerifier(key).verify(reader);
		}
		catch (NoSuchFileException ex) {
			throw new IllegalArgumentException(this.export + ": no such file; give the path of an audit export");
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Cannot read " + this.export + ": " + ex.getMessage(), ex);
		}
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.json) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("valid", result.valid());
			json.put("checked", result.checked());
			json.put("firstBadSeq", result.firstBadSeq());
			json.put("reason", result.reason());
			out.println(Json.write(json));
		}
		else if (result.valid()) {
			out.println("valid: " + result.checked() + " event(s), signed checkpoint and Merkle root match");
		}
		else {
			out.println("INVALID" + ((result.firstBadSeq() != null) ? " at seq " + result.firstBadSeq() : "") + ": "
					+ result.reason() + " (" + result.checked() + " checked)");
		}
		out.flush();
		return result.valid() ? 0 : 3;
	}

	private PublicKey readKey() {
		String text = this.publicKey;
		Path file = Path.of(this.publicKey);
		if (Files.isRegularFile(file)) {
			try {
				text = Files.readString(file, StandardCharsets.US_ASCII);
			}
			catch (IOException ex) {
				throw new IllegalArgumentException("Cannot read the public key " + file + ": " + ex.getMessage(), ex);
			}
		}
		try {
			return SigningKeys.publicKey(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("--public-key " + this.publicKey + ": " + ex.getMessage()
					+ "; give the file or base64 served at GET /api/audit/public-key", ex);
		}
	}

}
