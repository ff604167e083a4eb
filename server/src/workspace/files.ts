// The index reaches files only through this interface: the server on a
// machine lists and reads folders (node-files.ts); a web build without a file
// system gives none, and its index holds the open documents alone.

export interface CableFiles {
  /** The uris of the cable files under a folder uri, in a stable order; `skip` prunes folders and files. */
  list(folderUri: string, skip: (uri: string) => boolean, cancelled: () => boolean): AsyncIterable<string>;
  /** A file's text, or undefined when it cannot be read, is not text, or is too large for a cable. */
  read(uri: string): Promise<string | undefined>;
}
