#!/usr/bin/env python3
"""Exports a diffusers Stable Diffusion 1.x/2.x checkpoint into is3's model directory layout.

Runs on YOUR machine, which needs torch and diffusers + transformers (pip install torch diffusers
transformers); is3 itself never needs Python. The weights are yours: pass a local diffusers folder
or a Hugging Face model id you have access to.

    python3 tools/export_sd.py --model runwayml/stable-diffusion-v1-5 --out ~/.is3/models/sd
    python3 tools/export_sd.py --model ./sd15 --out ~/.is3/models/sd-fp16 --dtype float16 --device cuda

It writes (docs/models.md, "Stable Diffusion layout"):

  text_encoder.pt  TorchScript: input_ids int64 [B, 77] -> last hidden state [B, 77, H]
  unet.pt          TorchScript: (sample [N, 4, h, w], timestep float32 [N], encoder_hidden_states [N, 77, H])
                   -> predicted noise (or v) [N, 4, h, w]
  vae_decoder.pt   TorchScript: latents already divided by the scaling factor [B, 4, h, w] -> image [B, 3, 8h, 8w]
  tokenizer.json   the fast CLIP tokenizer, padded with <|endoftext|> and truncated to 77
  model.json       latent channels, VAE factor and scaling factor, prediction type, scheduler settings,
                   default steps/guidance/size, dtype

float16 must be traced on a CUDA device (libtorch's CPU half kernels are incomplete); the resulting
files then run on GPUs only. float32 files run anywhere.
"""
import argparse
import json
import os

import torch


class TextEncoder(torch.nn.Module):
    def __init__(self, encoder):
        super().__init__()
        self.encoder = encoder

    def forward(self, input_ids):
        return self.encoder(input_ids, return_dict=False)[0]


class UNet(torch.nn.Module):
    def __init__(self, unet):
        super().__init__()
        self.unet = unet

    def forward(self, sample, timestep, encoder_hidden_states):
        return self.unet(sample, timestep, encoder_hidden_states=encoder_hidden_states, return_dict=False)[0]


class VaeDecoder(torch.nn.Module):
    def __init__(self, vae):
        super().__init__()
        self.vae = vae

    def forward(self, latents):
        return self.vae.decode(latents, return_dict=False)[0]


def scheduler_name(config):
    cls = config.get("_class_name", "PNDMScheduler")
    return {"DDIMScheduler": "ddim", "EulerDiscreteScheduler": "euler"}.get(cls, "pndm")


def trace(module, inputs, path, checks):
    module.eval()
    with torch.no_grad():
        traced = torch.jit.trace(module, inputs, check_inputs=checks, check_tolerance=1e-3)
    traced.save(path)
    print("wrote", path, os.path.getsize(path) // (1 << 20), "MiB")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True, help="diffusers folder or Hugging Face model id")
    ap.add_argument("--out", required=True, help="output model directory")
    ap.add_argument("--dtype", choices=["float32", "float16"], default="float32")
    ap.add_argument("--device", choices=["cpu", "cuda"], default="cpu")
    ap.add_argument("--steps", type=int, default=50, help="default steps recorded in model.json")
    ap.add_argument("--guidance", type=float, default=7.5, help="default guidance recorded in model.json")
    args = ap.parse_args()
    if args.dtype == "float16" and args.device != "cuda":
        ap.error("--dtype float16 needs --device cuda")

    from diffusers import StableDiffusionPipeline
    from transformers import CLIPTokenizerFast

    dtype = torch.float16 if args.dtype == "float16" else torch.float32
    pipe = StableDiffusionPipeline.from_pretrained(args.model, torch_dtype=dtype, safety_checker=None)
    pipe = pipe.to(args.device)
    os.makedirs(args.out, exist_ok=True)

    length = pipe.tokenizer.model_max_length
    fast = CLIPTokenizerFast.from_pretrained(args.model, subfolder="tokenizer")
    eos = fast.convert_tokens_to_ids("<|endoftext|>")
    backend = fast.backend_tokenizer
    backend.enable_truncation(max_length=length)
    backend.enable_padding(length=length, pad_id=eos, pad_token="<|endoftext|>")
    backend.save(os.path.join(args.out, "tokenizer.json"))

    dev = torch.device(args.device)
    ids = torch.tensor([fast("a photo of a cat", padding="max_length", max_length=length)["input_ids"]], device=dev)
    trace(TextEncoder(pipe.text_encoder), (ids,), os.path.join(args.out, "text_encoder.pt"),
          [(ids.repeat(2, 1),)])
    with torch.no_grad():
        hidden = pipe.text_encoder(ids, return_dict=False)[0]

    unet_cfg = pipe.unet.config
    vae_factor = 2 ** (len(pipe.vae.config.block_out_channels) - 1)
    lat = unet_cfg.sample_size
    ch = unet_cfg.in_channels

    def unet_inputs(n):
        return (torch.randn(n, ch, lat, lat, device=dev, dtype=dtype),
                torch.full((n,), 981.0, device=dev, dtype=torch.float32),
                hidden.repeat(n, 1, 1))

    trace(UNet(pipe.unet), unet_inputs(2), os.path.join(args.out, "unet.pt"), [unet_inputs(4)])
    z = torch.randn(1, ch, lat, lat, device=dev, dtype=dtype)
    trace(VaeDecoder(pipe.vae), (z,), os.path.join(args.out, "vae_decoder.pt"), [(z.repeat(2, 1, 1, 1),)])

    sc = dict(pipe.scheduler.config)
    model = {
        "name": os.path.basename(os.path.normpath(args.model)),
        "latent_channels": ch,
        "vae_scale_factor": vae_factor,
        "scaling_factor": pipe.vae.config.scaling_factor,
        "prediction_type": "v" if sc.get("prediction_type") == "v_prediction" else "epsilon",
        "scheduler": scheduler_name(sc),
        "steps": args.steps,
        "guidance": args.guidance,
        "width": lat * vae_factor,
        "height": lat * vae_factor,
        "dtype": args.dtype,
        "max_length": length,
        "num_train_timesteps": sc.get("num_train_timesteps", 1000),
        "beta_start": sc.get("beta_start", 0.00085),
        "beta_end": sc.get("beta_end", 0.012),
        "beta_schedule": sc.get("beta_schedule", "scaled_linear"),
        "steps_offset": sc.get("steps_offset", 1),
        "set_alpha_to_one": sc.get("set_alpha_to_one", False),
    }
    if "timestep_spacing" in sc:
        model["timestep_spacing"] = sc["timestep_spacing"]
    with open(os.path.join(args.out, "model.json"), "w") as f:
        json.dump(model, f, indent=1)
    print("wrote", os.path.join(args.out, "model.json"))


if __name__ == "__main__":
    main()
