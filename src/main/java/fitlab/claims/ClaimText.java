package fitlab.claims;

import static fitlab.claims.ClaimEvaluator.n;

import fitlab.config.Claim;
import java.util.Map;
import java.util.stream.Collectors;

/** A claim as one plain sentence, in English or Simplified Chinese. */
final class ClaimText {
    private ClaimText() {}

    static String en(Claim claim) {
        if (claim instanceof Claim.DiagnosisIs c) {
            return "Cell " + c.cell() + " " + switch (c.verdict()) {
                case "underfit" -> "underfits.";
                case "overfit" -> "overfits.";
                case "diverged" -> "diverges (its loss explodes).";
                default -> "fits well.";
            };
        } else if (claim instanceof Claim.BestCell c) {
            return "The cell with the " + (Claim.higherIsBetter(c.by()) ? "highest " : "lowest ") + metricEn(c.by()) + whereEn(c.where())
                    + " has " + (c.axis().equals("model.hidden") ? "a network of " : c.axis() + " between ") + n(c.low()) + " and "
                    + n(c.high()) + (c.axis().equals("model.hidden") ? " parameters (model.hidden)." : ".");
        } else if (claim instanceof Claim.Trend c) {
            return "The " + metricEn(c.metric()) + (c.falls() ? " falls" : " rises") + " as " + c.axis() + " grows"
                    + c.range().map(r -> " from " + n(r[0]) + " to " + n(r[1])).orElse("") + whereEn(c.where()) + ".";
        } else if (claim instanceof Claim.RisesAfterMinimum c) {
            return "Cell " + c.cell() + "'s " + c.split() + " loss ends at least " + n(c.factor()) + " × above its minimum: training on "
                    + "past the best epoch makes it worse.";
        } else if (claim instanceof Claim.ReloadEqual c) {
            return "Cell " + c.cell() + "'s best.pth, reloaded, gives " + (c.tolerance() == 0 ? "exactly" : "within " + n(c.tolerance()) + " of")
                    + " the logged losses: saving a model does not change its fit.";
        } else if (claim instanceof Claim.BiasVariance c) {
            String what = switch (c.component()) {
                case "bias2" -> "Bias²";
                case "variance" -> "Variance";
                default -> "Bias² + variance + noise";
            };
            String range = c.range().map(r -> " from " + n(r[0]) + " to " + n(r[1])).orElse("");
            return what + (c.falls().isPresent() ? (c.falls().get() ? " falls" : " rises") + " as " + c.axis() + " grows" + range + "."
                    : " is smallest at " + c.axis() + " between " + n(c.smallestWithin().get()[0]) + " and "
                    + n(c.smallestWithin().get()[1]) + ".");
        } else if (claim instanceof Claim.InterpolationPeak c) {
            return "The " + metricEn(c.metric()) + " peaks at " + c.axis() + " between " + n(c.low()) + " and " + n(c.high())
                    + " (the interpolation threshold), at least " + n(c.factor()) + " × above both sides.";
        } else if (claim instanceof Claim.ContinuationRises c) {
            return "Continued without early stopping, cell " + c.cell() + "'s " + c.split() + " loss rises to at least " + n(c.factor())
                    + " × its best.";
        } else if (claim instanceof Claim.EvalModeEqualsLogged) {
            return "Each best checkpoint reloaded in eval mode gives the logged loss.";
        } else if (claim instanceof Claim.TrainModeWorse c) {
            return "Left in train mode (dropout on, model.eval() forgotten), cell " + c.cell() + "'s " + c.split() + " loss is at least "
                    + n(c.factor()) + " × the eval-mode one.";
        } else if (claim instanceof Claim.RefactorLoad c) {
            return "After the model class is renamed, " + c.cell().map(id -> "cell " + id + "'s ").orElse("the ") + c.fileKind()
                    + " file " + (c.loads() ? "still loads." : "no longer loads.");
        }
        throw new IllegalStateException(claim.kind());
    }

    static String zh(Claim claim) {
        if (claim instanceof Claim.DiagnosisIs c) {
            return "单元 " + c.cell() + switch (c.verdict()) {
                case "underfit" -> " 欠拟合。";
                case "overfit" -> " 过拟合。";
                case "diverged" -> " 发散（损失爆炸）。";
                default -> " 拟合良好。";
            };
        } else if (claim instanceof Claim.BestCell c) {
            return whereZh(c.where()) + metricZh(c.by()) + (Claim.higherIsBetter(c.by()) ? "最高" : "最低") + "的单元，其 " + c.axis() + " 在 " + n(c.low()) + " 到 " + n(c.high()) + " 之间。";
        } else if (claim instanceof Claim.Trend c) {
            return whereZh(c.where()) + "随着 " + c.axis() + c.range().map(r -> "从 " + n(r[0]) + " 到 " + n(r[1])).orElse("") + " 增大，" + metricZh(c.metric()) + (c.falls() ? "下降。" : "上升。");
        } else if (claim instanceof Claim.RisesAfterMinimum c) {
            return "单元 " + c.cell() + " 的" + splitZh(c.split()) + "损失最终至少是其最小值的 " + n(c.factor()) + " 倍：越过最佳轮次继续训练会变差。";
        } else if (claim instanceof Claim.ReloadEqual c) {
            return "重新加载单元 " + c.cell() + " 的 best.pth，得到的损失" + (c.tolerance() == 0 ? "与记录完全相同" : "与记录相差不超过 " + n(c.tolerance()))
                    + "：保存模型不会改变它的拟合。";
        } else if (claim instanceof Claim.BiasVariance c) {
            String what = switch (c.component()) {
                case "bias2" -> "偏差²";
                case "variance" -> "方差";
                default -> "偏差² + 方差 + 噪声";
            };
            String range = c.range().map(r -> "从 " + n(r[0]) + " 到 " + n(r[1])).orElse("");
            return c.falls().isPresent() ? "随着 " + c.axis() + range + " 增大，" + what + (c.falls().get() ? "下降。" : "上升。")
                    : what + "在 " + c.axis() + " 为 " + n(c.smallestWithin().get()[0]) + " 到 " + n(c.smallestWithin().get()[1]) + " 时最小。";
        } else if (claim instanceof Claim.InterpolationPeak c) {
            return metricZh(c.metric()) + "在 " + c.axis() + " 为 " + n(c.low()) + " 到 " + n(c.high()) + " 时（插值阈值）达到峰值，至少是两侧的 "
                    + n(c.factor()) + " 倍。";
        } else if (claim instanceof Claim.ContinuationRises c) {
            return "不用早停继续训练，单元 " + c.cell() + " 的" + splitZh(c.split()) + "损失升至其最佳值的至少 " + n(c.factor()) + " 倍。";
        } else if (claim instanceof Claim.EvalModeEqualsLogged) {
            return "每个最佳检查点以评估模式（eval）重新加载后，损失与记录相同。";
        } else if (claim instanceof Claim.TrainModeWorse c) {
            return "若停留在训练模式（忘了 model.eval()，dropout 仍开启），单元 " + c.cell() + " 的" + splitZh(c.split()) + "损失至少是评估模式的 "
                    + n(c.factor()) + " 倍。";
        } else if (claim instanceof Claim.RefactorLoad c) {
            return "模型类改名之后，" + c.cell().map(id -> "单元 " + id + " 的 ").orElse("") + c.fileKind() + " 文件" + (c.loads() ? "仍能加载。" : "无法再加载。");
        }
        throw new IllegalStateException(claim.kind());
    }

    private static String metricEn(String metric) {
        return metric.replace('_', ' ');
    }

    private static String metricZh(String metric) {
        return switch (metric) {
            case "best_validation_loss" -> "最佳验证损失";
            case "test_loss_at_best" -> "最佳轮次的测试损失";
            case "train_loss_at_best" -> "最佳轮次的训练损失";
            case "final_train_loss" -> "最终训练损失";
            case "final_validation_loss" -> "最终验证损失";
            case "final_test_loss" -> "最终测试损失";
            case "min_train_loss" -> "最小训练损失";
            case "final_validation_accuracy" -> "最终验证准确率";
            case "test_accuracy_at_best" -> "最佳轮次的测试准确率";
            default -> metric;
        };
    }

    private static String splitZh(String split) {
        return switch (split) {
            case "train" -> "训练";
            case "test" -> "测试";
            default -> "验证";
        };
    }

    private static String whereEn(Map<String, String> where) {
        return where.isEmpty() ? "" : " (where " + where.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String whereZh(Map<String, String> where) {
        return where.isEmpty() ? "" : "在 " + where.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining("、")) + " 时，";
    }
}
