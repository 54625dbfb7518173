/** Read a chosen file as base64 for upload (photos of payslips, contracts). */
export function readFileAsBase64(file: File): Promise<{ fileName: string; dataBase64: string }> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const result = String(reader.result);
      resolve({ fileName: file.name, dataBase64: result.slice(result.indexOf(',') + 1) });
    };
    reader.readAsDataURL(file);
  });
}

export const ACCEPTED_FILES = 'image/jpeg,image/png,application/pdf';
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
