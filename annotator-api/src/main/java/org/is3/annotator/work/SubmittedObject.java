package org.is3.annotator.work;

import org.is3.annotator.mask.ObjectMask;

/** One category's mask in a submit, and how many clicks the annotator made for it. */
public record SubmittedObject(String category, ObjectMask mask, int clicks) {
}
