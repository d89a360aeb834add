package org.is3.cli;

import ai.djl.Device;
import org.is3.core.InputException;
import org.is3.models.runtime.DjlRuntime;
import picocli.CommandLine.Option;

/** Where a model runs: {@code auto} (the first GPU when DJL sees one, else the CPU), {@code cpu}, {@code gpu}. */
final class DeviceOption {
    @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
            description = "Device for the model (default ${DEFAULT-VALUE}: GPU 0 when libtorch sees one, else CPU).")
    String device;

    Device device() {
        return switch (device) {
            case "auto" -> DjlRuntime.device();
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (DjlRuntime.engine().getGpuCount() == 0) {
                    throw new InputException("--device gpu: libtorch sees no GPU (is a CUDA build of libtorch"
                            + " in DJL_CACHE_DIR? see docs/models.md)");
                }
                yield Device.gpu();
            }
            default -> throw new InputException("--device must be auto, cpu or gpu, got '" + device + "'");
        };
    }
}
