/** Early stopping: Keras' patience rule and Prechelt's GL/PQ/UP criteria as markers, plus divergence detection. */
package fitlab.train.stopping;
