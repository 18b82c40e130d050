/** Losses, optimizers with PyTorch's update rules and state dicts, the closed-form least-squares fit and the generic epoch-level training session. */
package fitlab.train;
