package org.is3.models.sd.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NoiseScheduleTest {

    static final NoiseSchedule SD = NoiseSchedule.scaledLinear(1000, 0.00085, 0.012);

    @Test
    void scaledLinearBetasAreSquaresOfEvenlySpacedRoots() {
        double r0 = Math.sqrt(0.00085);
        double r1 = Math.sqrt(0.012);
        double beta1 = Math.pow(r0 + (r1 - r0) / 999, 2);
        assertEquals(1 - 0.00085, SD.alphaCumprod(0), 1e-15);
        assertEquals((1 - 0.00085) * (1 - beta1), SD.alphaCumprod(1), 1e-15);
        assertEquals(SD.alphaCumprod(998) * (1 - 0.012), SD.alphaCumprod(999), 1e-15);
    }

    @Test
    void matchesTorchFloat32Schedule() {
        // golden: torch.cumprod(1 - torch.linspace(0.00085**.5, 0.012**.5, 1000)**2) in float32 (torch 1.13);
        // is3 computes in double, so the tolerances are float32's (1 − ᾱ near t = 0 keeps ~4 digits there)
        assertEquals(0.9991499782, SD.alphaCumprod(0), 1e-7);
        assertEquals(0.2763324976, SD.alphaCumprod(500), 0.2763324976 * 2e-6);
        assertEquals(0.00466009602, SD.alphaCumprod(999), 0.00466009602 * 2e-5);
        assertEquals(14.614645, SD.sigma(999), 14.614645 * 1e-5);
        assertEquals(0.029167533, SD.sigma(0), 0.029167533 * 5e-5);
    }

    @Test
    void sigmaIsInterpolatedLinearlyBetweenTimesteps() {
        assertEquals((SD.sigma(832) + SD.sigma(833)) / 2, SD.sigmaAt(832.5), 1e-12);
        assertEquals(SD.sigma(0) + 0.25 * (SD.sigma(1) - SD.sigma(0)), SD.sigmaAt(0.25), 1e-12);
        assertEquals(SD.sigma(999), SD.sigmaAt(999.0), 0);
        assertEquals(Math.sqrt((1 - SD.alphaCumprod(500)) / SD.alphaCumprod(500)), SD.sigma(500), 1e-12);
    }

    @Test
    void linearScheduleHasEvenlySpacedBetas() {
        NoiseSchedule s = NoiseSchedule.linear(3, 0.1, 0.3);
        assertEquals(0.9, s.alphaCumprod(0), 1e-15);
        assertEquals(0.9 * 0.8 * 0.7, s.alphaCumprod(2), 1e-15);
    }
}
