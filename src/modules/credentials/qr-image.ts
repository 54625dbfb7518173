import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** Read the text of a QR code from a PNG image; undefined when the bytes are not a PNG or hold no QR code. */
export function readQrFromPng(bytes: Uint8Array): string | undefined {
  let image: PNG;
  try {
    image = PNG.sync.read(Buffer.from(bytes));
  } catch {
    return undefined;
  }
  if (image.width * image.height > 16_000_000) return undefined;
  const found = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height);
  return found?.data || undefined;
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
}
