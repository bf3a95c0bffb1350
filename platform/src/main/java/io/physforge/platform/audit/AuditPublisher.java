package io.physforge.platform.audit;

import java.util.Objects;

import io.physforge.platform.audit.internal.CurrentRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.ClassUtils;

/**
 * Publishes {@link AuditEvent}s to a Redis stream ({@code pf:audit} by default). Never
 * throws for a failed publish: it logs the event and the reason and returns
 * {@code false}.
 */
public class AuditPublisher {

	/** The default audit stream. */
	public static final String STREAM = "pf:audit";

	private static final Logger logger = LoggerFactory.getLogger(AuditPublisher.class);

	private static final boolean SERVLET_PRESENT = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest",
			AuditPublisher.class.getClassLoader())
			&& ClassUtils.isPresent("org.springframework.web.context.request.RequestContextHolder",
					AuditPublisher.class.getClassLoader());

	private static final boolean SECURITY_PRESENT = ClassUtils.isPresent(
			"org.springframework.security.core.context.SecurityContextHolder", AuditPublisher.class.getClassLoader());

	private final UnifiedJedis redis;

	private final String stream;

	/**
	 * Creates a publisher.
	 * @param redis the Redis client
	 * @param stream the stream, normally {@link #STREAM}
	 */
	public AuditPublisher(UnifiedJedis redis, String stream) {
		this.redis = Objects.requireNonNull(redis, "redis");
		this.stream = Objects.requireNonNull(stream, "stream");
	}

	/**
	 * Publishes an action of the current request: actor from the security context when
	 * {@code actor} is {@code null} ({@code anonymous} without one), request id and
	 * client address from the current HTTP request, time now.
	 * @param actor who acted, or {@code null} for the authenticated principal
	 * @param action what was done
	 * @param resourceType the kind of resource
	 * @param resourceId the resource id, may be {@code null}
	 * @param outcome how it ended
	 * @return whether it was published
	 */
	public boolean publish(String actor, String action, String resourceType, String resourceId, AuditOutcome outcome) {
		String[] request = SERVLET_PRESENT ? CurrentRequest.idAndClientAddress() : new String[2];
		return publish(new AuditEvent((actor != null) ? actor : currentActor(), action, resourceType, resourceId,
				outcome, null, request[0], request[1]));
	}

	/**
	 * Publishes an event as given.
	 * @param event the event
	 * @return whether it was published
	 */
	public boolean publish(AuditEvent event) {
		try {
			StreamEntryID id = this.redis.xadd(this.stream, StreamEntryID.NEW_ENTRY, event.toFields());
			logger.debug("Audit {} -> {} {}", event, this.stream, id);
			return true;
		}
		catch (RuntimeException ex) {
			logger.error("Could not publish audit event {} to {}: {}", event, this.stream, ex.toString());
			return false;
		}
	}

	/**
	 * The stream events go to.
	 * @return the stream
	 */
	public String stream() {
		return this.stream;
	}

	private static String currentActor() {
		if (SECURITY_PRESENT) {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.isAuthenticated() && authentication.getName() != null
					&& !"anonymousUser".equals(authentication.getName())) {
				return authentication.getName();
			}
		}
		return "anonymous";
	}

}
