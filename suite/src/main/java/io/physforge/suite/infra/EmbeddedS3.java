package io.physforge.suite.infra;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * S3Proxy running in this process on a jclouds blob store: {@code filesystem} under a
 * directory (kept between runs) or {@code transient} (in memory).
 */
final class EmbeddedS3 implements AutoCloseable {

	private final S3Proxy proxy;

	private final BlobStoreContext context;

	private final URI endpoint;

	private EmbeddedS3(S3Proxy proxy, BlobStoreContext context, URI endpoint) {
		this.proxy = proxy;
		this.context = context;
		this.endpoint = endpoint;
	}

	/**
	 * Starts S3Proxy on a free local port.
	 * @param directory the storage directory, or {@code null} for in-memory storage
	 */
	static EmbeddedS3 start(Path directory, String accessKey, String secretKey) throws Exception {
		Properties overrides = new Properties();
		String provider = "transient";
		if (directory != null) {
			provider = "filesystem";
			overrides.setProperty("jclouds.filesystem.basedir", directory.toAbsolutePath().toString());
		}
		BlobStoreContext context = ContextBuilder.newBuilder(provider)
			.credentials(accessKey, secretKey)
			.overrides(overrides)
			.build(BlobStoreContext.class);
		URI endpoint = URI.create("http://127.0.0.1:" + Probes.freePort());
		S3Proxy proxy = S3Proxy.builder()
			.blobStore(context.getBlobStore())
			.endpoint(endpoint)
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
			.build();
		try {
			proxy.start();
			long deadline = System.nanoTime() + 30_000_000_000L;
			while (!"STARTED".equals(proxy.getState())) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("S3Proxy did not start within 30 s on " + endpoint);
				}
				Thread.sleep(10);
			}
		}
		catch (Exception ex) {
			context.close();
			throw ex;
		}
		return new EmbeddedS3(proxy, context, endpoint);
	}

	URI endpoint() {
		return this.endpoint;
	}

	@Override
	public void close() throws Exception {
		try {
			this.proxy.stop();
		}
		finally {
			this.context.close();
		}
	}

}
