package fitlab.report;

import fitlab.diagnosis.Verdict;
import java.util.Optional;

/**
 * One fitted curve of a 1-D model on the x grid of a {@link FitData}.
 *
 * @param verdict  the cell's diagnosis, empty when it has none (diverged)
 * @param epoch    the epoch whose weights drew it
 * @param y        the model's prediction at each grid point
 */
public record Fit(String cellId, Optional<Verdict> verdict, int epoch, double[] y, double trainLoss, double testLoss) {}
