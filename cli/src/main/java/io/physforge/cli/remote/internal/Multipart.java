package io.physforge.cli.remote.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.io.ByteArrayInputStream;

/**
 * A {@code multipart/form-data} body streamed from a file (never held in memory whole).
 */
final class Multipart {

	private Multipart() {
	}

	static HttpRequest.BodyPublisher body(String boundary, String part, Path file, Map<String, String> fields)
			throws IOException {
		long size = Files.size(file);
		StringBuilder head = new StringBuilder();
		for (Map.Entry<String, String> field : fields.entrySet()) {
			if (field.getValue() == null) {
				continue;
			}
			head.append("--").append(boundary).append("\r\n");
			head.append("Content-Disposition: form-data; name=\"").append(field.getKey()).append("\"\r\n");
			head.append("Content-Type: text/plain; charset=UTF-8\r\n\r\n");
			head.append(field.getValue()).append("\r\n");
		}
		String filename = file.getFileName().toString().replace("\"", "");
		head.append("--").append(boundary).append("\r\n");
		head.append("Content-Disposition: form-data; name=\"")
			.append(part)
			.append("\"; filename=\"")
			.append(filename)
			.append("\"\r\n");
		head.append("Content-Type: application/octet-stream\r\n\r\n");
		byte[] before = head.toString().getBytes(StandardCharsets.UTF_8);
		byte[] after = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		long length = before.length + size + after.length;
		HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> {
			try {
				List<InputStream> parts = new ArrayList<>();
				parts.add(new ByteArrayInputStream(before));
				parts.add(Files.newInputStream(file));
				parts.add(new ByteArrayInputStream(after));
				return new SequenceInputStream(Collections.enumeration(parts));
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
		return HttpRequest.BodyPublishers.fromPublisher(stream, length);
	}

}
