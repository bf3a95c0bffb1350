package io.physforge.pinntraining.job;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/pinn/jobs}: train a network on one of the caller's data sets.
 *
 * <pre>{@code
 * {"datasetId":"6f1c...","settings":{"pde":"u_t = c1*u*u_x + c2*u_xx","layers":"4x32",
 *  "epochs":2000,"lbfgsIterations":500,"dataPoints":2000,"collocationPoints":2000,
 *  "noise":0.05,"seed":1}}
 * }</pre>
 *
 * @param datasetId the data set (data-service id)
 * @param settings the training parameters ({@link TrainingParams}); {@code null} for the
 * defaults
 */
public record SubmitRequest(UUID datasetId, JsonNode settings) {

}
