/**
 * Resumable uploads: the client declares the file, sends fixed-size chunks in any order
 * and as often as needed (each stored as an object in the {@code datasets} bucket), asks
 * which chunks arrived, and completes the upload into a data set exactly as a multipart
 * upload would be.
 */
package io.physforge.data.upload;
