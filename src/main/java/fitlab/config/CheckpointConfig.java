package fitlab.config;

/**
 * The {@code checkpoint:} section.
 *
 * @param every write a checkpoint every N epochs (1 = every epoch)
 * @param keep  retention: {@code all}, {@code last}, {@code best}, or an integer N (the last N plus the best)
 * @param wholeModel also write {@code model.whole.pth} ({@code torch.save(model)} style) at the end
 */
public record CheckpointConfig(int every, Retention keep, boolean wholeModel) {

    /** Which per-epoch checkpoints survive the run. */
    public sealed interface Retention {
        record All() implements Retention {}

        record Last() implements Retention {}

        record Best() implements Retention {}

        record LastN(int n) implements Retention {}

        /** The YAML spelling. */
        default String yaml() {
            if (this instanceof LastN l) {
                return Integer.toString(l.n());
            }
            return this instanceof All ? "all" : this instanceof Last ? "last" : "best";
        }
    }
}
