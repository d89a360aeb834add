package org.is3.pipeline.plan;

/**
 * One image a run will generate: its IS3 base name {@code <c1>_<c2>_<n>} (datasets.md, Naming), the
 * two category tokens in prompt order, the prompt and the generation seed.
 */
public record PlannedImage(String base, String c1, String c2, String prompt, long seed) {
}
