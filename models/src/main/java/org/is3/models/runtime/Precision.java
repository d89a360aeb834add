package org.is3.models.runtime;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import java.util.Locale;
import org.is3.core.InputException;

/**
 * The floating-point type a model's TorchScript files were exported in; inputs are cast to it and
 * outputs back to float32. {@code float16} halves GPU memory and time (SD 1.5's UNet: ~1.7 GB) and is
 * meant for CUDA; libtorch's CPU kernels run it slowly where they run it at all.
 */
public enum Precision {
    FLOAT32(DataType.FLOAT32), FLOAT16(DataType.FLOAT16);

    private final DataType dataType;

    Precision(DataType dataType) {
        this.dataType = dataType;
    }

    public DataType dataType() {
        return dataType;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code float32}/{@code fp32} or {@code float16}/{@code fp16}/{@code half}. */
    public static Precision parse(String value) {
        return switch (value == null ? "" : value.toLowerCase(Locale.ROOT)) {
            case "float32", "fp32", "float" -> FLOAT32;
            case "float16", "fp16", "half" -> FLOAT16;
            default -> throw new InputException("dtype must be float32 or float16, got '" + value + "'");
        };
    }

    /** Whether this precision is the intended one on {@code device} (float16 is for GPUs). */
    public boolean suits(Device device) {
        return this == FLOAT32 || device.isGpu();
    }
}
