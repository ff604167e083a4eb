import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from '../server';

// Entry point of the server in a web worker (the extension in vscode.dev, github.dev or a
// browser's code-server): the same features over the worker's message channel. There is no
// file system: `.cablelintrc.json` and `cable.extraTagsFile` are not read (documents there are
// not `file:` URIs), and rule links go to the docs/rules.md the client names.

declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection);
