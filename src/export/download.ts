/**
 * Saves a file the page made: a `blob:` URL behind a temporary `<a download>`, clicked and
 * removed. No request leaves the page, and nothing is written into the document's markup.
 */
export function saveFile(content: Blob, fileName: string, host: Node & ParentNode): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  host.append(link);
  link.click();
  link.remove();
  // Revoked after the browser has started the download, which reads the URL asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
