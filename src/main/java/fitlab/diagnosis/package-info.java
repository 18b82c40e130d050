/** The under/good/over-fit diagnosis of a cell, from its losses, the noise floor and the sweep's best validation loss. */
package fitlab.diagnosis;
