package org.is3.trainer.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.is3.core.InputException;
import org.is3.core.audio.SpectrogramPreset;
import org.is3.trainer.model.AvModel;
import org.is3.trainer.model.ModelSpec;
import org.is3.trainer.optim.Adam;

/**
 * A training checkpoint, one file {@code step-<n>.ckpt}: a magic line, a JSON header (model spec,
 * steps done), every model parameter (DJL's format, BN statistics included) and the Adam state. The
 * file is written to a temporary name and moved into place, so a run killed mid-write leaves the
 * previous checkpoint intact.
 */
public final class Checkpoint {

    private static final String MAGIC = "is3-trainer-checkpoint-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Checkpoint() {
    }

    /** Writes {@code dir/step-<steps>.ckpt}; returns its path. */
    public static Path save(Path dir, long steps, AvModel model, Adam adam) {
        Path file = dir.resolve(String.format("step-%08d.ckpt", steps));
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(dir);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.writeUTF(MAGIC);
                out.writeUTF(header(model.spec(), steps).toString());
                model.save(out);
                adam.save(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file, e);
        }
    }

    /** The checkpoint with the most steps in {@code dir}, or null. */
    public static Path latest(Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("step-\\d+\\.ckpt"))
                    .max(Comparator.comparing(p -> p.getFileName().toString())).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The model spec and step count stored in a checkpoint. */
    public record Header(ModelSpec spec, long steps) {
    }

    public static Header header(Path file) {
        try (DataInputStream in = open(file)) {
            return readHeader(file, in);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read the checkpoint (" + e.getMessage() + ")", e);
        }
    }

    /** A model with the checkpoint's spec and weights, its arrays in {@code manager}. */
    public static AvModel loadModel(Path file, NDManager manager) {
        return restore(file, manager, null);
    }

    /**
     * Restores weights into a model built from the checkpoint's spec and, when {@code adam} is given,
     * the optimiser state (the caller built {@code adam} over that model's parameters via the factory).
     */
    public static AvModel restore(Path file, NDManager manager, java.util.function.Function<AvModel, Adam> adam) {
        try (DataInputStream in = open(file)) {
            Header h = readHeader(file, in);
            AvModel model = AvModel.create(h.spec(), manager);
            model.load(in);
            if (adam != null) {
                adam.apply(model).load(in);
            }
            return model;
        } catch (IOException | MalformedModelException e) {
            throw new InputException(file + ": damaged or not an is3 trainer checkpoint (" + e.getMessage() + ")", e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": no such checkpoint file");
        }
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    private static Header readHeader(Path file, DataInputStream in) throws IOException {
        if (!MAGIC.equals(in.readUTF())) {
            throw new InputException(file + ": not an is3 trainer checkpoint");
        }
        JsonNode h = JSON.readTree(in.readUTF());
        ModelSpec spec = new ModelSpec(h.get("width").asDouble(), h.get("projectionDim").asInt(),
                h.get("imageSize").asInt(), SpectrogramPreset.valueOf(h.get("preset").asText()),
                h.get("audioFrames").asInt());
        return new Header(spec, h.get("steps").asLong());
    }

    private static ObjectNode header(ModelSpec spec, long steps) {
        ObjectNode h = JSON.createObjectNode();
        h.put("width", spec.width());
        h.put("projectionDim", spec.projectionDim());
        h.put("imageSize", spec.imageSize());
        h.put("preset", spec.preset().name());
        h.put("audioFrames", spec.audioFrames());
        h.put("steps", steps);
        return h;
    }
}
