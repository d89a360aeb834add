package org.is3.trainer.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * The standard (torchvision) ResNet-18 trunk as DJL blocks: conv 7×7/2 (no bias), BN, ReLU, max-pool
 * 3×3/2, then four stages of two BasicBlocks with 64/128/256/512 channels, the first block of stages
 * 2–4 striding by 2 with a 1×1 conv + BN shortcut. No pooling head: the output is the c×h×w map
 * (stride 32). DJL's own {@code ResNetV1} with 18 layers is a different network (stack.md), hence this
 * builder. A width multiplier scales every channel count (1.0 = the paper's model, 11.18 M weights
 * for 3 input channels).
 */
public final class ResNet18 {

    private static final int[] STAGE_CHANNELS = {64, 128, 256, 512};

    private ResNet18() {
    }

    /** Channels of stage {@code stage} (0..3) at {@code width}, at least 4. */
    public static int channels(int stage, double width) {
        return Math.max(4, (int) Math.round(STAGE_CHANNELS[stage] * width));
    }

    /** Channels of the output map at {@code width}. */
    public static int outputChannels(double width) {
        return channels(3, width);
    }

    /** The trunk; input N×{@code inputChannels}×H×W, output N×c×⌈H/32⌉×⌈W/32⌉. */
    public static SequentialBlock trunk(int inputChannels, double width) {
        if (inputChannels < 1 || !(width > 0)) {
            throw new IllegalArgumentException("ResNet-18 needs inputChannels >= 1 and width > 0, got "
                    + inputChannels + ", " + width);
        }
        SequentialBlock net = new SequentialBlock();
        net.add(conv(channels(0, width), 7, 2, 3))
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1)));
        for (int stage = 0; stage < 4; stage++) {
            int c = channels(stage, width);
            int stride = stage == 0 ? 1 : 2;
            net.add(basicBlock(c, stride, stage > 0));
            net.add(basicBlock(c, 1, false));
        }
        return net;
    }

    private static Block basicBlock(int channels, int stride, boolean projectShortcut) {
        SequentialBlock main = new SequentialBlock()
                .add(conv(channels, 3, stride, 1))
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(conv(channels, 3, 1, 1))
                .add(BatchNorm.builder().build());
        SequentialBlock shortcut = new SequentialBlock();
        if (projectShortcut) {
            shortcut.add(conv(channels, 1, stride, 0)).add(BatchNorm.builder().build());
        } else {
            shortcut.add(list -> list);
        }
        return new SequentialBlock()
                .add(new ParallelBlock(list -> new NDList(list.get(0).singletonOrThrow()
                        .add(list.get(1).singletonOrThrow())), List.of(main, shortcut)))
                .add(Activation.reluBlock());
    }

    private static Conv2d conv(int filters, int kernel, int stride, int pad) {
        return Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(pad, pad))
                .optBias(false)
                .build();
    }
}
