package org.is3.pipeline.store;

/** The lifecycle of an image (architecture.md); the V3 migration checks the same names. */
public enum ImageState {
    PLANNED, GENERATED, APPROVED, REJECTED, ANNOTATED, PAIRED, RELEASED
}
