package org.is3.core.gt;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.is3.core.InputException;
import org.is3.core.grid.Grid;

/**
 * A segmentation-mask image turned into a binary GT map the way SSLalignment's {@code --box_or_seg
 * seg} loader does it (metrics.md §1): {@code np.array(Image.open(path).resize((224, 224)))}, then
 * values ≥ 128 become 1. The image is not converted first, so the result depends on the PIL mode:
 *
 * <ul>
 *   <li><b>L</b> (8-bit grayscale PNG or JPEG; 2- and 4-bit grayscale PNG, which Pillow scales to
 *       0…255): bicubic resize, threshold. This is the reference's case.</li>
 *   <li><b>P</b> (palette PNG): nearest resize of the <em>palette indices</em>, threshold on the
 *       indices, exactly as the reference's {@code np.array} of a P image. A two-colour palette
 *       mask with indices 0/1 therefore comes out empty, as it does in the reference.</li>
 *   <li><b>RGB</b> (colour PNG or JPEG): the reference produces a 224×224×3 array that its metrics
 *       cannot use (cIoU fails to broadcast), so it has no defined result. is3's rule: convert to L
 *       with Pillow's ITU-R 601 luma ({@code (19595·R + 38470·G + 7471·B + 2^15) >> 16}, as
 *       {@code convert('L')}), then as L. A gray mask stored as RGB gives the same map as its L
 *       version.</li>
 *   <li>Rejected with an error: 1-bit PNG (mode 1: the reference's {@code np.array} is boolean and
 *       its {@code < 128} test clears every pixel, so every such mask would be empty), images with
 *       alpha (LA, RGBA), 16-bit PNG, CMYK JPEG and any other format.</li>
 * </ul>
 *
 * <p>Decoding uses {@code javax.imageio}. PNG is lossless, so the pixels are Pillow's. For JPEG the
 * JDK's libjpeg decoder gave exactly Pillow 12.3's (libjpeg-turbo) pixels on every file checked: 114
 * JPEGs written by Pillow, gray and colour, 4:4:4, 4:2:2 and 4:2:0, baseline and progressive, odd
 * sizes. JPEGs from other encoders (or with a non-sRGB ICC profile, which ImageIO may colour-convert)
 * were not checked.
 */
final class SegMask {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** The PIL mode the image would open as, among those accepted. */
    enum Mode { L, P, RGB }

    /** A decoded image: one byte array per band, row-major. */
    record Image(int width, int height, Mode mode, byte[][] bands) {
    }

    private SegMask() {
    }

    /** The 224×224 binary GT of one mask file. */
    static GtMap read(Path file) {
        return toGtMap(decode(file));
    }

    static GtMap toGtMap(Image img) {
        byte[] band = switch (img.mode()) {
            case L -> PillowResample.resize(img.bands()[0], img.width(), img.height(), Grid.SIZE, Grid.SIZE,
                    PillowResample.Filter.BICUBIC);
            case P -> PillowResample.resize(img.bands()[0], img.width(), img.height(), Grid.SIZE, Grid.SIZE,
                    PillowResample.Filter.NEAREST);
            case RGB -> PillowResample.resize(luma(img.bands()), img.width(), img.height(), Grid.SIZE, Grid.SIZE,
                    PillowResample.Filter.BICUBIC);
        };
        boolean[] mask = new boolean[Grid.PIXELS];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = (band[i] & 0xFF) >= 128;
        }
        return GtMap.fromMask(mask);
    }

    /** Pillow's RGB → L conversion ({@code Convert.c rgb2l}). */
    static byte[] luma(byte[][] rgb) {
        byte[] out = new byte[rgb[0].length];
        for (int i = 0; i < out.length; i++) {
            int r = rgb[0][i] & 0xFF;
            int g = rgb[1][i] & 0xFF;
            int b = rgb[2][i] & 0xFF;
            out[i] = (byte) ((r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16);
        }
        return out;
    }

    static Image decode(Path file) {
        byte[] head = new byte[33];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw new InputException("mask image not found: " + file, e);
        } catch (IOException e) {
            throw new InputException("cannot read mask image " + file + ": " + e.getMessage(), e);
        }
        if (n >= 33 && startsWith(head, PNG_SIGNATURE)) {
            if (head[12] != 'I' || head[13] != 'H' || head[14] != 'D' || head[15] != 'R') {
                throw new InputException("mask image " + file + " is a PNG without its IHDR header first");
            }
            return decodePng(file, head);
        }
        if (n >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return decodeJpeg(file);
        }
        throw new InputException("mask image " + file + " is neither PNG nor JPEG");
    }

    /** The PIL mode follows from the IHDR bit depth and colour type (PngImagePlugin's mode table). */
    private static Image decodePng(Path file, byte[] head) {
        int bitDepth = head[24] & 0xFF;
        int colorType = head[25] & 0xFF;
        String why = switch (colorType) {
            case 0 -> bitDepth == 1 ? "is a 1-bit PNG (PIL mode 1), which the reference loader turns into an "
                    + "all-zero GT whatever it shows; save masks as 8-bit grayscale"
                    : bitDepth == 16 ? "is a 16-bit grayscale PNG; save masks as 8-bit grayscale" : null;
            case 2 -> bitDepth == 16 ? "is a 16-bit RGB PNG; save masks as 8-bit grayscale" : null;
            case 3 -> null;
            case 4, 6 -> "has an alpha channel (PIL mode " + (colorType == 4 ? "LA" : "RGBA")
                    + "), for which the reference gives no usable GT; save masks as 8-bit grayscale";
            default -> "has an invalid PNG colour type " + colorType;
        };
        if (why != null) {
            throw new InputException("mask image " + file + " " + why);
        }
        Raster r = readRaster(file);
        Mode mode = colorType == 0 ? Mode.L : colorType == 2 ? Mode.RGB : Mode.P;
        byte[][] bands = new byte[mode == Mode.RGB ? 3 : 1][];
        for (int b = 0; b < bands.length; b++) {
            bands[b] = band(r, b, colorType == 0 && bitDepth < 8 ? 255 / ((1 << bitDepth) - 1) : 1);
        }
        return new Image(r.getWidth(), r.getHeight(), mode, bands);
    }

    private static Image decodeJpeg(Path file) {
        Raster r = readRaster(file);
        int nb = r.getNumBands();
        if (nb != 1 && nb != 3) {
            throw new InputException("mask image " + file + " is a JPEG with " + nb
                    + " channels; expected grayscale or RGB");
        }
        byte[][] bands = new byte[nb][];
        for (int b = 0; b < nb; b++) {
            bands[b] = band(r, b, 1);
        }
        return new Image(r.getWidth(), r.getHeight(), nb == 1 ? Mode.L : Mode.RGB, bands);
    }

    private static Raster readRaster(Path file) {
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new InputException("cannot decode mask image " + file + ": " + e.getMessage(), e);
        }
        if (img == null) {
            throw new InputException("cannot decode mask image " + file + ": no image reader accepts it");
        }
        return img.getRaster();
    }

    /** One band's samples, multiplied by {@code scale} (Pillow unpacks 2/4-bit gray as ×85 / ×17). */
    private static byte[] band(Raster r, int b, int scale) {
        int w = r.getWidth();
        int h = r.getHeight();
        int[] samples = r.getSamples(r.getMinX(), r.getMinY(), w, h, b, (int[]) null);
        byte[] out = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = (byte) (samples[i] * scale);
        }
        return out;
    }

    private static boolean startsWith(byte[] a, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (a[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
