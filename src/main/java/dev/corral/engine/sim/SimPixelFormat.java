package dev.corral.engine.sim;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * An RFB pixel format (RFC 6143 §7.4): how a client wants each pixel's bytes. The simulator speaks
 * only true colour, in any depth, shifts and byte order the client asks; a colour map would need
 * SetColourMapEntries, which no client of Corral's relay asks for.
 */
record SimPixelFormat(int bitsPerPixel, int depth, boolean bigEndian, boolean trueColour, int redMax, int greenMax,
        int blueMax, int redShift, int greenShift, int blueShift) {

    /** What ServerInit announces: 32 bpp, depth 24, little-endian 0x00RRGGBB. */
    static final SimPixelFormat DEFAULT = new SimPixelFormat(32, 24, false, true, 255, 255, 255, 16, 8, 0);

    static SimPixelFormat read(DataInput in) throws IOException {
        SimPixelFormat format = new SimPixelFormat(in.readUnsignedByte(), in.readUnsignedByte(), in.readUnsignedByte() != 0,
                in.readUnsignedByte() != 0, in.readUnsignedShort(), in.readUnsignedShort(), in.readUnsignedShort(),
                in.readUnsignedByte(), in.readUnsignedByte(), in.readUnsignedByte());
        in.skipBytes(3);
        return format;
    }

    void write(DataOutput out) throws IOException {
        out.writeByte(bitsPerPixel);
        out.writeByte(depth);
        out.writeByte(bigEndian ? 1 : 0);
        out.writeByte(trueColour ? 1 : 0);
        out.writeShort(redMax);
        out.writeShort(greenMax);
        out.writeShort(blueMax);
        out.writeByte(redShift);
        out.writeByte(greenShift);
        out.writeByte(blueShift);
        out.write(new byte[3]);
    }

    /** Why the simulator cannot send pixels in this format; null when it can. */
    String problem() {
        if (!trueColour) {
            return "a colour map";
        }
        if (bitsPerPixel != 8 && bitsPerPixel != 16 && bitsPerPixel != 32) {
            return bitsPerPixel + " bits per pixel";
        }
        if (redMax == 0 || greenMax == 0 || blueMax == 0) {
            return "a colour maximum of 0";
        }
        return null;
    }

    int bytesPerPixel() {
        return bitsPerPixel / 8;
    }

    /** The pixels (0xRRGGBB) as the client asked for them; channels scale to its maxima, rounded. */
    byte[] encode(int[] rgb) {
        int size = bytesPerPixel();
        byte[] out = new byte[rgb.length * size];
        if (equals(DEFAULT)) {
            for (int i = 0, o = 0; i < rgb.length; i++, o += 4) {
                int p = rgb[i];
                out[o] = (byte) p;
                out[o + 1] = (byte) (p >> 8);
                out[o + 2] = (byte) (p >> 16);
            }
            return out;
        }
        for (int i = 0, o = 0; i < rgb.length; i++, o += size) {
            int value = pixel(rgb[i]);
            for (int b = 0; b < size; b++) {
                int shift = bigEndian ? 8 * (size - 1 - b) : 8 * b;
                out[o + b] = (byte) (value >>> shift);
            }
        }
        return out;
    }

    /** One pixel (0xRRGGBB) as this format's value. */
    int pixel(int rgb) {
        return scale(rgb >> 16 & 0xff, redMax) << redShift | scale(rgb >> 8 & 0xff, greenMax) << greenShift
                | scale(rgb & 0xff, blueMax) << blueShift;
    }

    private static int scale(int channel, int max) {
        return (channel * max + 127) / 255;
    }
}
