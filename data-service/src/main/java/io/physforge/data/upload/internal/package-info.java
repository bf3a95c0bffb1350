/**
 * Machinery of resumable uploads: the JDBC repository of uploads and their chunks.
 */
package io.physforge.data.upload.internal;
