/**
 * orchestration-service: pipelines of steps run as jobs on the platform's Redis Streams
 * queue.
 */
package io.physforge.orchestration;
