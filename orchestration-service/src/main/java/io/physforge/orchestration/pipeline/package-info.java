/**
 * Pipelines: a data set and a DAG of typed steps, validated on submit and stored with one
 * job per step; the REST API to submit, show, list and cancel them.
 */
package io.physforge.orchestration.pipeline;
