package io.physforge.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * HTTP/1.1 from a loopback address other than 127.0.0.1 (Linux routes all of 127/8 to the
 * loopback interface), so that a test can be a peer that is not a trusted proxy.
 */
final class UntrustedPeer {

	final String address;

	UntrustedPeer() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		this.address = "127." + (1 + random.nextInt(254)) + "." + random.nextInt(256) + "." + (2 + random.nextInt(253));
	}

	/** Posts JSON with a forged {@code X-Forwarded-For}; returns the status code. */
	int postJson(int port, String path, String json, String forwardedFor) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(this.address), 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(10000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
					+ "\r\nContent-Type: application/json\r\nConnection: close\r\nX-Forwarded-For: " + forwardedFor
					+ "\r\nContent-Length: " + body.length + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			int b;
			while ((b = in.read()) != -1 && b != '\n') {
				head.write(b);
			}
			return Integer.parseInt(head.toString(StandardCharsets.US_ASCII).split(" ")[1]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
