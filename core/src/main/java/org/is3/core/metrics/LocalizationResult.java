package org.is3.core.metrics;

/**
 * The aggregates SSLalignment's {@code test.py} prints, as fractions (the scripts print ×100).
 * See metrics.md §2–§4.
 *
 * @param n            number of samples
 * @param nGroups      number of IIoU groups (§4 key)
 * @param ciou         "cIoU": fraction of samples with cIoU ≥ 0.5 (a success rate, not a mean)
 * @param auc          area under the success curve
 * @param meanCiou     plain mean of the per-sample cIoU ("mIoU(persample)", EZ-VSL "Avg-cIoU"); NaN propagates
 * @param ciouAdap     success rate of the adaptive cIoU
 * @param aucAdap      AUC of the adaptive cIoU
 * @param meanCiouAdap mean of the adaptive cIoU
 * @param iiou         fraction of groups whose every member has cIoU ≥ 0.5; NaN if any member is NaN
 * @param iiouAdap     the same with the adaptive cIoU
 * @param iauc         AUC of the group success curve
 * @param iaucAdap     the same with the adaptive cIoU
 */
public record LocalizationResult(int n, int nGroups, double ciou, double auc, double meanCiou,
                                 double ciouAdap, double aucAdap, double meanCiouAdap,
                                 double iiou, double iiouAdap, double iauc, double iaucAdap) {
}
