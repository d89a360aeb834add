package org.is3.core.metrics;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.is3.core.InputException;

/**
 * A named scoring convention: how heatmaps are normalised and binarised (metrics.md §11). The
 * aggregation (success rate, AUC, IIoU) is the same for all of them.
 *
 * <p>Adaptive cIoU and IIoU exist only in SSLalignment, which always uses {@code >}. For the other
 * protocols this project applies the protocol's own binarisation at the adaptive threshold
 * {@code t_k} (§3); no public code defines that combination.
 *
 * @param name          the name used on the command line and in stored results
 * @param normalization score normalisation
 * @param binarization  mask rule at the order-statistic threshold
 */
public record LocalizationProtocol(String name, Normalization normalization, Binarization binarization) {

    /** SSLalignment {@code validate()}: minmax, {@code p > t}. The default, used for every external checkpoint. */
    public static final LocalizationProtocol SSLALIGN =
            new LocalizationProtocol("sslalign", Normalization.MINMAX, Binarization.STRICT);

    /** EZ-VSL {@code test.py}: minmax, {@code p ≥ t} (25088 pixels for distinct values). */
    public static final LocalizationProtocol EZVSL =
            new LocalizationProtocol("ezvsl", Normalization.MINMAX, Binarization.INCLUSIVE);

    /**
     * SSLalignment {@code validate_lvs}/{@code validate_htf}: {@code 1 − minmax(−h)}, {@code p > t}. This is
     * how SSLalignment scores its own model, LVS checkpoints and precomputed {@code .npy} heatmaps.
     */
    public static final LocalizationProtocol LVS =
            new LocalizationProtocol("lvs", Normalization.LVS, Binarization.STRICT);

    /** The original LVS {@code test.py}: {@code 1 − minmax(−h)}, {@code p > t} plus pixels at {@code p ≥ 1}. */
    public static final LocalizationProtocol LVS_ORIGINAL =
            new LocalizationProtocol("lvs-original", Normalization.LVS, Binarization.LVS);

    public static final List<LocalizationProtocol> ALL = List.of(SSLALIGN, EZVSL, LVS, LVS_ORIGINAL);

    public LocalizationProtocol {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(binarization, "binarization");
    }

    /** The protocol with this name, e.g. from {@code --protocol}. */
    public static LocalizationProtocol fromName(String name) {
        for (LocalizationProtocol p : ALL) {
            if (p.name.equals(name)) {
                return p;
            }
        }
        throw new InputException("unknown localization protocol '" + name + "'; expected one of "
                + ALL.stream().map(LocalizationProtocol::name).collect(Collectors.joining(", ")));
    }
}
