package org.is3.annotator.segment;

/** A box drawn around the object, image pixels, COCO {@code [x, y, width, height]}. */
public record PromptBox(int x, int y, int width, int height) {
    public PromptBox {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("box must have a positive size, got " + width + "×" + height);
        }
    }
}
