/**
 * Sparse regression of a time derivative on a candidate library: sequentially thresholded
 * least squares (STLSQ, Brunton, Proctor and Kutz, PNAS 113, 3932, 2016), sequentially
 * thresholded ridge regression (STRidge) and its tolerance search with a train/test split
 * and an L0 penalty (TrainSTRidge, Rudy et al., Sci. Adv. 3, e1602614, 2017), and
 * column-pivoted QR least squares / ridge for the final refit. Linear algebra by EJML.
 *
 * <p>
 * Columns (and targets) are normalised to unit 2-norm before thresholding, so thresholds
 * and tolerances are dimensionless: a normalised coefficient is the fraction of the
 * target's norm a term carries. The searches work on the normal equations of the
 * normalised columns (a K x K system, K the library size) with a small ridge for
 * conditioning; the chosen support is refitted on the original rows by QR with column
 * pivoting, which does not square the condition number.
 */
package io.physforge.core.regression;
