package org.is3.models.runtime;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.is3.core.InputException;

/**
 * One TorchScript file loaded onto a device, called with positional tensors. Only local files are
 * accepted: model loading never takes a URL (peers.md: a client-supplied URL must not reach a loader).
 * The forward pass runs without gradients; its outputs belong to the inputs' manager, so a caller that
 * scopes its arrays in a sub-manager frees them all at once. libtorch modules are safe to call from
 * several threads.
 */
public final class TorchScriptModule implements AutoCloseable {

    private final Model model;
    private final Block block;
    private final Path file;

    private TorchScriptModule(Model model, Path file) {
        this.model = model;
        this.block = model.getBlock();
        this.file = file;
    }

    /**
     * Loads {@code file} (a TorchScript archive saved by {@code torch.jit.save}) onto {@code device}.
     *
     * @throws InputException when the file is missing or not a TorchScript archive
     */
    public static TorchScriptModule load(Path file, Device device) {
        if (!Files.isRegularFile(file)) {
            throw new InputException("model file " + file + " does not exist or is not a file");
        }
        DjlRuntime.engine();
        Model model = Model.newInstance(file.getFileName().toString(), device, DjlRuntime.ENGINE);
        try {
            model.load(file.toAbsolutePath().getParent(), file.getFileName().toString(),
                    Map.of("mapLocation", "true"));
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new InputException("model file " + file + " is not a loadable TorchScript archive: "
                    + e.getMessage(), e);
        }
        return new TorchScriptModule(model, file);
    }

    /** Runs the module's {@code forward} on {@code inputs} (positional arguments, same device). */
    public NDList forward(NDList inputs) {
        return block.forward(new ParameterStore(inputs.head().getManager(), false), inputs, false);
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        model.close();
    }
}
