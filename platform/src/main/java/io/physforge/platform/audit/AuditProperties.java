package io.physforge.platform.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audit settings, bound from {@code physforge.audit.*}.
 *
 * @param enabled whether the {@link AuditPublisher} bean exists
 * @param stream the Redis stream events go to
 */
@ConfigurationProperties("physforge.audit")
public record AuditProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue(AuditPublisher.STREAM) String stream) {

}
