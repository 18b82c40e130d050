/** Reads and writes PyTorch {@code .pth} files (zip container, restricted pickle, tensors); knows nothing of the lab. */
package fitlab.pth;
