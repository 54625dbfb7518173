import jsQR from 'jsqr';

/** Read a QR code from an image file (upload) or a video frame (camera), in the browser. */
export async function readQrFromFile(file: Blob): Promise<string | undefined> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return undefined;
  }
  const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return undefined;
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return readQrFromCanvas(context, canvas.width, canvas.height);
}

export function readQrFromCanvas(context: CanvasRenderingContext2D, width: number, height: number): string | undefined {
  const image = context.getImageData(0, 0, width, height);
  return jsQR(image.data, width, height)?.data || undefined;
}
