package io.physforge.audit.log;

/**
 * An event as appended to the chain.
 *
 * @param seq its position, from 1
 * @param event the event
 * @param leafHash {@code SHA-256(0x00 || canonical event)}
 * @param prevHash the link of seq - 1
 * @param hash {@code HMAC-SHA256(key, prevHash || canonical event)}
 */
public record StoredEvent(long seq, AuditEvent event, byte[] leafHash, byte[] prevHash, byte[] hash) {

}
