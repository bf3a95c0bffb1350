/**
 * Machinery behind {@link io.physforge.core.io.DataSets}: format detection, one array
 * source per binary format, the CSV reader, the assembler that turns named arrays into a
 * {@link io.physforge.core.field.Field}, and the writers. Not a public API.
 */
package io.physforge.core.io.internal;
