// COCO compressed RLE (pycocotools' counts string), as the server writes it (core.rle.CocoRle):
// runs down the columns, alternating 0s and 1s starting with 0s; each run, from the fourth on as the
// difference to the run two before, in 5-bit groups of one character ('0' + group), 0x20 = more
// groups follow, 0x10 in the last group = negative.
"use strict";
const Rle = {
  decode(counts, h, w) {
    const runs = [];
    let p = 0;
    while (p < counts.length) {
      let x = 0, k = 0, more = true;
      while (more) {
        const c = counts.charCodeAt(p) - 48;
        x |= (c & 0x1f) << (5 * k);
        more = (c & 0x20) !== 0;
        p++; k++;
        if (!more && (c & 0x10)) { x |= -1 << (5 * k); }
      }
      if (runs.length > 2) { x += runs[runs.length - 2]; }
      runs.push(x);
    }
    const mask = new Uint8Array(h * w);
    let index = 0;
    for (let j = 0; j < runs.length; j++) {
      if (j % 2 === 1) {
        for (let i = index; i < index + runs[j]; i++) { mask[(i % h) * w + Math.floor(i / h)] = 1; }
      }
      index += runs[j];
    }
    return mask;
  },
  encode(mask, h, w) {
    const runs = [];
    let previous = 0, run = 0;
    for (let x = 0; x < w; x++) {
      for (let y = 0; y < h; y++) {
        const v = mask[y * w + x] ? 1 : 0;
        if (v !== previous) { runs.push(run); run = 0; previous = v; }
        run++;
      }
    }
    runs.push(run);
    let out = "";
    for (let i = 0; i < runs.length; i++) {
      let x = runs[i];
      if (i > 2) { x -= runs[i - 2]; }
      let more = true;
      while (more) {
        let c = x & 0x1f;
        x >>= 5;
        more = (c & 0x10) ? x !== -1 : x !== 0;
        if (more) { c |= 0x20; }
        out += String.fromCharCode(c + 48);
      }
    }
    return out;
  },
  area(mask) {
    let n = 0;
    for (let i = 0; i < mask.length; i++) { n += mask[i]; }
    return n;
  }
};
