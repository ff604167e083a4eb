import { fileURLToPath, pathToFileURL } from 'node:url';

// File uris in the one spelling the index uses: clients escape characters
// differently (`%3A`, `%20`, upper or lower hex), and a lookup by uri must not
// miss a cable for that. Other schemes (untitled:, vscode-vfs:) are kept as given.

export function normaliseUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

const CABLE_FILE = /\.(?:cable|tel|txt)$/i;

/** Whether a file name is one the index reads (`.cable`, `.tel`, and `.txt` as archives name cables). */
export function isCableFileName(uriOrPath: string): boolean {
  return CABLE_FILE.test(uriOrPath);
}
