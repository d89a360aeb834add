#!/usr/bin/python3
"""Writes the tiny random-weight model fixtures the models module tests run on.

Run with Debian's python3-torch (torch 1.13, numpy), from the repository root:

    /usr/bin/python3 tools/make_model_fixtures.py

It writes, under models/src/test/resources/fixtures/:

  sd-tiny/   text_encoder.pt, unet.pt, vae_decoder.pt (TorchScript), tokenizer.json, model.json
  sd-tiny-fp16/  the same with float16 weights (dtype float16 in model.json)
  sam-tiny/  image_encoder.pt, prompt_decoder.pt (TorchScript), model.json

The components have the interfaces and tensor layouts of the real ones (docs/models.md), scaled
down: a 77-token CLIP-style text encoder with hidden size 32, a UNet on 4x8x8 latents that uses the
timestep and the text, a VAE decoder to 3x64x64; a SAM-style encoder on 64x64 inputs to a 16x4x4
embedding and a prompt decoder to 4 masks of 16x16 low-res logits with scores. The weights are
random (fixed seed): the fixtures test plumbing, shapes, schedulers and reproducibility, never
image quality. The outputs are committed, so the build and CI never need Python.
"""
import json
import math
import os
import re
import sys

import torch
from torch import nn

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "models", "src", "test", "resources", "fixtures")
SEQ = 77
HIDDEN = 32
LATENT = 4
LATENT_SIZE = 8
VAE_FACTOR = 8

# A few words for the tiny BPE vocabulary: enough merges that common prompt words become one token.
CORPUS = ("a photo of a cat and dog is next to piano playing guitar drum baby accordion "
          "the on in with sitting standing red blue green small large dog cat piano") * 3


# ---------------------------------------------------------------- tokenizer (CLIP-style BPE)

def bytes_to_unicode():
    """The byte-to-printable-character table byte-level BPE uses (GPT-2 and CLIP)."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("\xa1"), ord("\xac") + 1)) \
        + list(range(ord("\xae"), ord("\xff") + 1))
    chars = printable[:]
    extra = 0
    for b in range(256):
        if b not in printable:
            printable.append(b)
            chars.append(256 + extra)
            extra += 1
    return dict(zip(printable, [chr(c) for c in chars]))


def learn_merges(words, count):
    """Greedy BPE on the words (each ends with </w> on its last symbol), most frequent pair first."""
    seqs = [list(w[:-1]) + [w[-1] + "</w>"] for w in words]
    merges = []
    for _ in range(count):
        pairs = {}
        for s in seqs:
            for a, b in zip(s, s[1:]):
                pairs[(a, b)] = pairs.get((a, b), 0) + 1
        if not pairs:
            break
        best = max(sorted(pairs), key=lambda p: pairs[p])
        merges.append(best)
        merged = []
        for s in seqs:
            out, i = [], 0
            while i < len(s):
                if i + 1 < len(s) and (s[i], s[i + 1]) == best:
                    out.append(s[i] + s[i + 1])
                    i += 2
                else:
                    out.append(s[i])
                    i += 1
            merged.append(out)
        seqs = merged
    return merges


def tokenizer_json(pad_to):
    table = bytes_to_unicode()
    alphabet = [table[b] for b in sorted(table)]
    vocab = {}
    for ch in alphabet:
        vocab[ch] = len(vocab)
    for ch in alphabet:
        vocab[ch + "</w>"] = len(vocab)
    merges = learn_merges(CORPUS.split(), 60)
    for a, b in merges:
        if a + b not in vocab:
            vocab[a + b] = len(vocab)
    bos, eos = len(vocab), len(vocab) + 1
    vocab["<|startoftext|>"] = bos
    vocab["<|endoftext|>"] = eos

    def special(i, content):
        return {"id": i, "content": content, "single_word": False, "lstrip": False, "rstrip": False,
                "normalized": True, "special": True}

    split = (r"<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]"
             r"|[^\s\p{L}\p{N}]+")
    return {
        "version": "1.0",
        "truncation": {"direction": "Right", "max_length": pad_to, "strategy": "LongestFirst", "stride": 0},
        "padding": {"strategy": {"Fixed": pad_to}, "direction": "Right", "pad_to_multiple_of": None,
                    "pad_id": eos, "pad_type_id": 0, "pad_token": "<|endoftext|>"},
        "added_tokens": [special(bos, "<|startoftext|>"), special(eos, "<|endoftext|>")],
        "normalizer": {"type": "Sequence", "normalizers": [
            {"type": "NFC"}, {"type": "Replace", "pattern": {"Regex": r"\s+"}, "content": " "},
            {"type": "Lowercase"}]},
        "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
            {"type": "Split", "pattern": {"Regex": split}, "behavior": "Removed", "invert": True},
            {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": False}]},
        "post_processor": {"type": "RobertaProcessing", "sep": ["<|endoftext|>", eos],
                           "cls": ["<|startoftext|>", bos], "trim_offsets": False, "add_prefix_space": False},
        "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
        "model": {"type": "BPE", "dropout": None, "unk_token": "<|endoftext|>", "continuing_subword_prefix": "",
                  "end_of_word_suffix": "</w>", "fuse_unk": False, "byte_fallback": False,
                  "vocab": vocab, "merges": [a + " " + b for a, b in merges]},
    }, len(vocab)


# ---------------------------------------------------------------- Stable Diffusion components

class TextEncoder(nn.Module):
    """input_ids int64 [B, 77] -> last hidden state float [B, 77, HIDDEN] (CLIP text model layout)."""

    def __init__(self, vocab):
        super().__init__()
        self.token = nn.Embedding(vocab, HIDDEN)
        self.position = nn.Parameter(torch.randn(SEQ, HIDDEN) * 0.1)
        self.attn = nn.MultiheadAttention(HIDDEN, 2, batch_first=True)
        self.norm = nn.LayerNorm(HIDDEN)
        self.mlp = nn.Sequential(nn.Linear(HIDDEN, 2 * HIDDEN), nn.GELU(), nn.Linear(2 * HIDDEN, HIDDEN))
        mask = torch.full((SEQ, SEQ), float("-inf")).triu(1)
        self.register_buffer("causal", mask)

    def forward(self, input_ids):
        x = self.token(input_ids) + self.position
        a, _ = self.attn(x, x, x, attn_mask=self.causal, need_weights=False)
        x = x + a
        return self.norm(x + self.mlp(x))


class TinyUNet(nn.Module):
    """(sample [N,4,8,8], timestep float [N], encoder_hidden_states [N,77,HIDDEN]) -> noise [N,4,8,8]."""

    def __init__(self):
        super().__init__()
        ch = 16
        self.time = nn.Sequential(nn.Linear(16, ch), nn.SiLU(), nn.Linear(ch, ch))
        self.conv_in = nn.Conv2d(LATENT, ch, 3, padding=1)
        self.q = nn.Linear(ch, ch)
        self.k = nn.Linear(HIDDEN, ch)
        self.v = nn.Linear(HIDDEN, ch)
        self.mid = nn.Conv2d(ch, ch, 3, padding=1)
        self.conv_out = nn.Conv2d(ch, LATENT, 3, padding=1)
        self.register_buffer("freqs", torch.exp(-math.log(10000.0) * torch.arange(8) / 8.0))

    def forward(self, sample, timestep, encoder_hidden_states):
        # as diffusers' UNet: the sinusoidal projection in float32, then cast to the model's dtype
        args = timestep[:, None].float() * self.freqs[None, :].float()
        t = self.time(torch.cat([torch.sin(args), torch.cos(args)], dim=1).to(sample.dtype))
        h = torch.nn.functional.silu(self.conv_in(sample) + t[:, :, None, None])
        n, c, hh, ww = h.shape
        tokens = h.flatten(2).transpose(1, 2)
        q = self.q(tokens)
        k = self.k(encoder_hidden_states)
        v = self.v(encoder_hidden_states)
        w = torch.softmax(q @ k.transpose(1, 2) / math.sqrt(c), dim=-1)
        h = h + (w @ v).transpose(1, 2).reshape(n, c, hh, ww)
        h = torch.nn.functional.silu(self.mid(h))
        return self.conv_out(h)


class TinyVaeDecoder(nn.Module):
    """latents [N,4,8,8] (already divided by the scaling factor) -> image [N,3,64,64], about [-1,1]."""

    def __init__(self):
        super().__init__()
        self.conv_in = nn.Conv2d(LATENT, 16, 3, padding=1)
        self.ups = nn.ModuleList([nn.Conv2d(16, 16, 3, padding=1) for _ in range(3)])
        self.conv_out = nn.Conv2d(16, 3, 3, padding=1)

    def forward(self, z):
        h = torch.nn.functional.silu(self.conv_in(z))
        for conv in self.ups:
            h = torch.nn.functional.interpolate(h, scale_factor=2.0, mode="nearest")
            h = torch.nn.functional.silu(conv(h))
        return self.conv_out(h) * 2.0


# ---------------------------------------------------------------- SAM components

SAM_INPUT = 64
SAM_EMBED = 16
SAM_GRID = 4  # SAM_INPUT / 16, as ViT-B/H's 1024 -> 64
SAM_LOWRES = 4 * SAM_GRID
SAM_MASKS = 4  # index 0: the single-mask output; 1..3: the multimask outputs (SAM's order)


class TinySamEncoder(nn.Module):
    """image [1,3,64,64], normalized and padded -> image_embeddings [1,16,4,4]."""

    def __init__(self):
        super().__init__()
        self.patch = nn.Conv2d(3, SAM_EMBED, 16, stride=16)
        self.neck = nn.Conv2d(SAM_EMBED, SAM_EMBED, 1)

    def forward(self, image):
        return self.neck(torch.nn.functional.gelu(self.patch(image)))


class TinySamDecoder(nn.Module):
    """(image_embeddings [1,16,4,4], point_coords [1,N,2] in input pixels, point_labels [1,N]
    (1 positive, 0 negative, 2/3 box corners, -1 padding), mask_input [1,1,16,16], has_mask_input [1])
    -> (low_res_masks [1,4,16,16], iou_predictions [1,4])."""

    def __init__(self):
        super().__init__()
        self.register_buffer("gauss", torch.randn(2, SAM_EMBED // 2))
        self.label = nn.Embedding(4, SAM_EMBED)
        self.not_a_point = nn.Parameter(torch.randn(SAM_EMBED))
        self.no_mask = nn.Parameter(torch.randn(SAM_EMBED))
        self.mask_down = nn.Conv2d(1, SAM_EMBED, 4, stride=4)
        self.upscale = nn.ConvTranspose2d(SAM_EMBED, SAM_EMBED, 4, stride=4)
        self.hyper = nn.Linear(SAM_EMBED, SAM_MASKS * SAM_EMBED)
        self.iou = nn.Linear(SAM_EMBED, SAM_MASKS)

    def forward(self, image_embeddings, point_coords, point_labels, mask_input, has_mask_input):
        coords = (point_coords + 0.5) / SAM_INPUT * 2.0 - 1.0
        proj = 2.0 * math.pi * coords @ self.gauss
        pe = torch.cat([torch.sin(proj), torch.cos(proj)], dim=-1)
        labels = point_labels.long()
        padding = (labels == -1).unsqueeze(-1).to(pe.dtype)
        emb = pe * (1.0 - padding) + self.not_a_point * padding
        emb = emb + self.label(labels.clamp(min=0)) * (1.0 - padding)
        token = emb.sum(dim=1)
        dense = self.mask_down(mask_input) * has_mask_input[:, None, None, None] \
            + self.no_mask[None, :, None, None] * (1.0 - has_mask_input[:, None, None, None])
        feats = self.upscale(image_embeddings + dense)
        hyper = self.hyper(token).reshape(1, SAM_MASKS, SAM_EMBED)
        masks = torch.einsum("bmc,bchw->bmhw", hyper, feats)
        return masks, self.iou(token)


# ---------------------------------------------------------------- writing

def save_traced(module, inputs, path, check_inputs=None):
    module.eval()
    with torch.no_grad():
        traced = torch.jit.trace(module, inputs, check_inputs=check_inputs)
        expected = module(*inputs)
        got = traced(*inputs)
    for e, g in zip(expected if isinstance(expected, tuple) else (expected,),
                    got if isinstance(got, tuple) else (got,)):
        assert torch.allclose(e, g, atol=1e-6), path
    traced.save(path)
    print("wrote", os.path.relpath(path, ROOT), os.path.getsize(path), "bytes")


def write_json(obj, path):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print("wrote", os.path.relpath(path, ROOT), os.path.getsize(path), "bytes")


def make_sd(out):
    os.makedirs(out, exist_ok=True)
    tok, vocab_size = tokenizer_json(SEQ)
    write_json(tok, os.path.join(out, "tokenizer.json"))
    ids = torch.randint(0, vocab_size, (2, SEQ))
    text, unet, vae = TextEncoder(vocab_size), TinyUNet(), TinyVaeDecoder()
    save_traced(text, (ids,), os.path.join(out, "text_encoder.pt"),
                [(torch.randint(0, vocab_size, (1, SEQ)),), (torch.randint(0, vocab_size, (4, SEQ)),)])
    sample = torch.randn(2, LATENT, LATENT_SIZE, LATENT_SIZE)
    timestep = torch.tensor([981.0, 981.0])
    hidden = torch.randn(2, SEQ, HIDDEN)
    check = [(torch.randn(4, LATENT, LATENT_SIZE, LATENT_SIZE), torch.tensor([1.0, 2.0, 3.0, 4.0]),
              torch.randn(4, SEQ, HIDDEN))]
    save_traced(unet, (sample, timestep, hidden), os.path.join(out, "unet.pt"), check)
    save_traced(vae, (torch.randn(1, LATENT, LATENT_SIZE, LATENT_SIZE),),
                os.path.join(out, "vae_decoder.pt"),
                [(torch.randn(3, LATENT, LATENT_SIZE, LATENT_SIZE),)])
    write_json({
        "name": "sd-tiny-random",
        "latent_channels": LATENT,
        "vae_scale_factor": VAE_FACTOR,
        "scaling_factor": 0.18215,
        "prediction_type": "epsilon",
        "scheduler": "pndm",
        "steps": 4,
        "guidance": 7.5,
        "width": LATENT_SIZE * VAE_FACTOR,
        "height": LATENT_SIZE * VAE_FACTOR,
        "dtype": "float32",
        "max_length": SEQ,
        "num_train_timesteps": 1000,
        "beta_start": 0.00085,
        "beta_end": 0.012,
        "beta_schedule": "scaled_linear",
        "steps_offset": 1,
        "set_alpha_to_one": False,
    }, os.path.join(out, "model.json"))
    return vocab_size, [("text_encoder.pt", text), ("unet.pt", unet), ("vae_decoder.pt", vae)]


def make_sd_fp16(out, vocab_size, modules):
    """The same SD components with float16 weights, as tools/export_sd.py --dtype float16 writes them.
    torch 1.13 cannot run half convolutions on the CPU, so these are scripted (dtype casts stay dynamic,
    where a float32 trace would bake them in) and converted to half; libtorch 2.7 runs them on the CPU."""
    os.makedirs(out, exist_ok=True)
    for name, module in modules:
        module.eval()
        scripted = torch.jit.script(module).half()
        path = os.path.join(out, name)
        scripted.save(path)
        print("wrote", os.path.relpath(path, ROOT), os.path.getsize(path), "bytes")
    tok, _ = tokenizer_json(SEQ)
    write_json(tok, os.path.join(out, "tokenizer.json"))
    with open(os.path.join(os.path.dirname(out), "sd-tiny", "model.json"), encoding="utf-8") as f:
        config = json.load(f)
    config["name"] = "sd-tiny-random-fp16"
    config["dtype"] = "float16"
    write_json(config, os.path.join(out, "model.json"))


def make_sam(out):
    os.makedirs(out, exist_ok=True)
    save_traced(TinySamEncoder(), (torch.randn(1, 3, SAM_INPUT, SAM_INPUT),),
                os.path.join(out, "image_encoder.pt"))

    def prompt(n):
        coords = torch.rand(1, n, 2) * SAM_INPUT
        labels = torch.tensor([[1.0] + [0.0] * (n - 2) + [-1.0]]) if n > 1 else torch.tensor([[1.0]])
        return (torch.randn(1, SAM_EMBED, SAM_GRID, SAM_GRID), coords, labels,
                torch.randn(1, 1, SAM_LOWRES, SAM_LOWRES), torch.tensor([1.0]))

    save_traced(TinySamDecoder(), prompt(2), os.path.join(out, "prompt_decoder.pt"),
                [prompt(1), prompt(3), prompt(5)])
    write_json({
        "name": "sam-tiny-random",
        "input_size": SAM_INPUT,
        "resize": "longest_side",
        "pixel_mean": [123.675, 116.28, 103.53],
        "pixel_std": [58.395, 57.12, 57.375],
        "mask_threshold": 0.0,
    }, os.path.join(out, "model.json"))


def main():
    torch.manual_seed(20240607)
    out = sys.argv[1] if len(sys.argv) > 1 else OUT
    vocab_size, modules = make_sd(os.path.join(out, "sd-tiny"))
    make_sd_fp16(os.path.join(out, "sd-tiny-fp16"), vocab_size, modules)
    make_sam(os.path.join(out, "sam-tiny"))


if __name__ == "__main__":
    main()
