/**
 * data-service as seen from here: a data set's owner, fields, axes and canonical form,
 * looked up with the caller's token when a job is submitted.
 */
package io.physforge.pinntraining.dataset;
