/**
 * The data sets pipelines run on, as data-service shows them to the caller: an ownership
 * check at submit and the canonical form's storage key handed to workers.
 */
package io.physforge.orchestration.dataset;
