/** Saves text (or bytes) as a file through a temporary link; nothing is uploaded anywhere. */
export function download(filename: string, text: string | Uint8Array<ArrayBuffer>, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function readFileText(file: File, maxBytes = 25_000_000): Promise<string> {
  if (file.size > maxBytes) return Promise.reject(new Error('file too large'));
  return file.text();
}

export async function readFileBytes(file: File, maxBytes = 25_000_000): Promise<Uint8Array> {
  if (file.size > maxBytes) throw new Error('file too large');
  return new Uint8Array(await file.arrayBuffer());
}
