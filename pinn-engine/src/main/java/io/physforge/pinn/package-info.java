/**
 * Physics-informed neural networks on ND4J/SameDiff: models, losses, training loop and
 * checkpoints, hidden behind PhysForge's own interfaces. The only module that imports
 * ND4J. Built in the PINN issue (issue 5); empty until then.
 */
package io.physforge.pinn;
