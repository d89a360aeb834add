package org.is3.trainer.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The audio-visual model of "Aligning Sight and Sound" (section 3): a ResNet-18 on the image giving
 * the spatial map v (c×h×w), a ResNet-18 on the 1-channel log-spectrogram max-pooled to a (c) (as the
 * reference's audio net, {@code AdaptiveMaxPool2d}), and two projection heads pv(avg(v)) and pa(a)
 * (Linear–ReLU–Linear) for the alignment similarity sA. Convolutions start He-normal (fan-out), as the
 * reference initialises its audio net.
 */
public final class AvModel implements AutoCloseable {

    private final ModelSpec spec;
    private final NDManager manager;
    /** Caches parameter arrays per device: rebuilt whenever weights are loaded. */
    private ParameterStore store;
    private final Block visual;
    private final Block audio;
    private final Block visualHead;
    private final Block audioHead;

    private AvModel(ModelSpec spec, NDManager manager) {
        this.spec = spec;
        this.manager = manager;
        this.store = new ParameterStore(manager, false);
        int c = ResNet18.outputChannels(spec.width());
        visual = ResNet18.trunk(3, spec.width());
        audio = ResNet18.trunk(1, spec.width());
        visualHead = head(c, spec.projectionDim());
        audioHead = head(c, spec.projectionDim());
        for (Block b : blocks()) {
            b.setInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                    XavierInitializer.FactorType.OUT, 2), Parameter.Type.WEIGHT);
        }
        visual.initialize(manager, DataType.FLOAT32, new Shape(1, 3, spec.imageSize(), spec.imageSize()));
        audio.initialize(manager, DataType.FLOAT32, new Shape(1, 1, spec.bins(), spec.frames()));
        visualHead.initialize(manager, DataType.FLOAT32, new Shape(1, c));
        audioHead.initialize(manager, DataType.FLOAT32, new Shape(1, c));
    }

    /**
     * A freshly initialised model whose arrays live in {@code manager} (on its device). Seed the
     * engine ({@code Engine.setRandomSeed}) first for a reproducible start.
     */
    public static AvModel create(ModelSpec spec, NDManager manager) {
        return new AvModel(spec, manager);
    }

    public ModelSpec spec() {
        return spec;
    }

    public NDManager manager() {
        return manager;
    }

    /**
     * An input batch as an array in memory the engine owns. On the CPU, DJL's {@code create} wraps a
     * Java direct buffer ({@code from_blob}) whose lifetime follows the Java object rather than the
     * tensors derived from it; a copy takes the garbage collector out of the picture. (Two long
     * proof runs were corrupted once each in ways that deterministic replays did not reproduce;
     * this rules out one possible cause.)
     */
    public static NDArray input(NDManager m, float[] data, Shape shape) {
        try (NDArray wrapped = m.create(data, shape)) {
            return wrapped.duplicate();
        }
    }

    /** The visual map v, N×c×h×w, for images N×3×S×S. */
    public NDArray visualMap(NDArray images, boolean training) {
        return visual.forward(store, new NDList(images), training).singletonOrThrow();
    }

    /** pv(avg(v)): the projected, not yet normalised, global visual feature N×d. */
    public NDArray visualProjection(NDArray map, boolean training) {
        NDArray pooled = flatLocations(map).mean(new int[] {2});
        return visualHead.forward(store, new NDList(pooled), training).singletonOrThrow();
    }

    /** The pooled audio feature a, N×c, for spectrograms N×1×257×T. */
    public NDArray audioFeature(NDArray spectrograms, boolean training) {
        NDArray map = audio.forward(store, new NDList(spectrograms), training).singletonOrThrow();
        return flatLocations(map).max(new int[] {2});
    }

    /** pa(a): the projected, not yet normalised, audio feature N×d. */
    public NDArray audioProjection(NDArray feature, boolean training) {
        return audioHead.forward(store, new NDList(feature), training).singletonOrThrow();
    }

    /** Every parameter the optimiser updates, in a fixed order (BN running statistics excluded). */
    public List<Parameter> trainable() {
        List<Parameter> out = new ArrayList<>();
        for (Block b : blocks()) {
            for (Pair<String, Parameter> p : b.getParameters()) {
                if (p.getValue().requiresGradient()) {
                    out.add(p.getValue());
                }
            }
        }
        return out;
    }

    /** Number of trainable weights of one encoder trunk (0 = visual, 1 = audio). */
    public long encoderWeights(int which) {
        long n = 0;
        for (Pair<String, Parameter> p : (which == 0 ? visual : audio).getParameters()) {
            if (p.getValue().requiresGradient()) {
                n += p.getValue().getArray().size();
            }
        }
        return n;
    }

    /** Writes every parameter (BN statistics included) in DJL's parameter format. */
    public void save(DataOutputStream out) throws IOException {
        for (Block b : blocks()) {
            b.saveParameters(out);
        }
    }

    /** Reads what {@link #save} wrote for a model of the same spec. */
    public void load(DataInputStream in) throws IOException, MalformedModelException {
        for (Block b : blocks()) {
            b.loadParameters(manager, in);
        }
        store = new ParameterStore(manager, false);
    }

    /** Replaces the visual or audio trunk's weights with those of a file {@link #saveEncoder} wrote. */
    public void loadEncoder(int which, DataInputStream in) throws IOException, MalformedModelException {
        (which == 0 ? visual : audio).loadParameters(manager, in);
        store = new ParameterStore(manager, false);
    }

    /** Writes one encoder trunk's parameters (0 = visual, 1 = audio). */
    public void saveEncoder(int which, DataOutputStream out) throws IOException {
        (which == 0 ? visual : audio).saveParameters(out);
    }

    /** N×c×h×w as N×c×(h·w): PyTorch's DJL reductions take one axis. */
    private static NDArray flatLocations(NDArray map) {
        Shape s = map.getShape();
        return map.reshape(s.get(0), s.get(1), s.get(2) * s.get(3));
    }

    private List<Block> blocks() {
        return List.of(visual, audio, visualHead, audioHead);
    }

    private static Block head(int in, int out) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(in).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(out).build());
    }

    @Override
    public void close() {
        manager.close();
    }
}
