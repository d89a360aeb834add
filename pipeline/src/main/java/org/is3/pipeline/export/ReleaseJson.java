package org.is3.pipeline.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.is3.pipeline.store.StoredAudio;

/**
 * The JSON documents of a release (datasets.md, "The IS3+ release that is3 writes";
 * docs/release-format.md): COCO-style {@code annotations.json}, the SSLalignment-layout
 * {@code synthetic_bbox.json} (positives, each followed by its three negatives) and
 * {@code synthetic_seg.json} (positives with their mask), and the body of {@code manifest.json}.
 */
final class ReleaseJson {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> NEGATIVES = List.of("silence", "noise", "offscreen");

    private ReleaseJson() {
    }

    static String frame(ReleaseInstance i) {
        return "images224/" + i.id() + ".jpg";
    }

    static String mask(ReleaseInstance i) {
        return "masks/" + i.id() + ".png";
    }

    static String audio(String audioId) {
        return "audio/" + audioId + ".wav";
    }

    static String image(ReleaseImage img) {
        return "images/" + img.base() + ".jpg";
    }

    /** COCO images, categories (id by name order) and annotations with RLE, box and IS3+ extras. */
    static ObjectNode annotations(String run, int version, List<ReleaseImage> images, Map<String, String> labels) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("info").put("description", "IS3+ release of is3 run " + run).put("version", version);
        TreeMap<String, Integer> categoryIds = new TreeMap<>();
        images.forEach(i -> i.instances().forEach(x -> categoryIds.put(x.object().category(), 0)));
        int next = 1;
        for (Map.Entry<String, Integer> e : categoryIds.entrySet()) {
            e.setValue(next++);
        }
        ArrayNode imgs = root.putArray("images");
        ArrayNode anns = root.putArray("annotations");
        int imageId = 0;
        int annId = 0;
        for (ReleaseImage img : images) {
            imageId++;
            imgs.addObject().put("id", imageId).put("file_name", image(img)).put("width", img.width())
                    .put("height", img.height()).put("base", img.base())
                    .put("prompt", img.image().planned().prompt());
            for (ReleaseInstance x : img.instances()) {
                ObjectNode a = anns.addObject().put("id", ++annId).put("image_id", imageId)
                        .put("category_id", categoryIds.get(x.object().category())).put("iscrowd", 0)
                        .put("instance", x.id()).put("area", x.object().area());
                a.putObject("segmentation").put("counts", x.object().mask().counts())
                        .putArray("size").add(x.object().mask().height()).add(x.object().mask().width());
                ArrayNode bbox = a.putArray("bbox");
                for (int v : x.object().box()) {
                    bbox.add(v);
                }
                ArrayNode b224 = a.putArray("box224_xyxy");
                for (int v : x.box224()) {
                    b224.add(v);
                }
                a.put("mask_file", mask(x)).put("frame_224", frame(x))
                        .put("mask_source", x.object().source()).put("accepted_by", x.object().acceptedBy());
                ObjectNode audio = a.putObject("audio");
                for (StoredAudio s : x.audio()) {
                    audio.set(s.kind(), audioEntry(s));
                }
            }
        }
        ArrayNode cats = root.putArray("categories");
        categoryIds.forEach((name, id) -> cats.addObject().put("id", id).put("name", name)
                .put("label", labels.getOrDefault(name, name)));
        return root;
    }

    static ArrayNode syntheticBbox(List<ReleaseImage> images) {
        ArrayNode out = JSON.createArrayNode();
        for (ReleaseImage img : images) {
            for (ReleaseInstance x : img.instances()) {
                ArrayNode box = out.addObject().put("image", frame(x)).put("audio", audio(x.id())).putArray("gt_box");
                for (int v : x.box224()) {
                    box.add(v);
                }
                for (String neg : NEGATIVES) {
                    ObjectNode n = out.addObject().put("image", frame(x)).put("audio", audio(x.id() + "_" + neg));
                    n.putArray("gt_box").add(0).add(0).add(0).add(0);
                    n.put("negative", neg).put("instance", x.id());
                }
            }
        }
        return out;
    }

    static ArrayNode syntheticSeg(List<ReleaseImage> images) {
        ArrayNode out = JSON.createArrayNode();
        for (ReleaseImage img : images) {
            for (ReleaseInstance x : img.instances()) {
                out.addObject().put("image", frame(x)).put("audio", audio(x.id())).put("gt_box", mask(x))
                        .put("offset", 1);
            }
        }
        return out;
    }

    /** Every generation and pairing choice; the file list is added by the writer once all are written. */
    static ObjectNode manifest(String run, int version, String config, List<ReleaseImage> images) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "is3plus").put("format_version", 1).put("run", run).put("version", version)
                .put("created_at", java.time.Instant.now().toString()).put("config", config);
        ArrayNode imgs = root.putArray("images");
        for (ReleaseImage img : images) {
            var s = img.image();
            ObjectNode n = imgs.addObject().put("base", img.base()).put("file", image(img))
                    .put("c1", s.planned().c1()).put("c2", s.planned().c2()).put("prompt", s.planned().prompt())
                    .put("seed", s.planned().seed()).put("generator", s.generator())
                    .put("generator_version", s.generatorVersion()).put("verified_by", s.verifiedBy())
                    .put("auto_annotated", s.autoAnnotated());
            if (s.timingMs() != null) {
                n.put("generation_ms", s.timingMs());
            }
            n.set("params", parse(s.params()));
            ArrayNode inst = n.putArray("instances");
            for (ReleaseInstance x : img.instances()) {
                ObjectNode i = inst.addObject().put("id", x.id()).put("category", x.object().category())
                        .put("mask_source", x.object().source()).put("accepted_by", x.object().acceptedBy());
                ObjectNode audio = i.putObject("audio");
                for (StoredAudio a : x.audio()) {
                    audio.set(a.kind(), audioEntry(a));
                }
            }
        }
        return root;
    }

    private static ObjectNode audioEntry(StoredAudio a) {
        ObjectNode n = JSON.createObjectNode().put("id", a.audioId()).put("file", audio(a.audioId()))
                .put("source", a.source()).put("samples", a.samples());
        if (a.category() != null) {
            n.put("category", a.category());
        }
        n.set("provenance", parse(a.provenanceJson()));
        return n;
    }

    private static JsonNode parse(String json) {
        if (json == null) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not parse: " + e.getOriginalMessage(), e);
        }
    }
}
