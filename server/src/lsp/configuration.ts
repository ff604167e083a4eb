import { DidChangeConfigurationNotification, type DidChangeConfigurationParams } from 'vscode-languageserver';
import type { Feature } from './feature';
import { refreshViews } from './inlay-hints';
import type { Session } from './session';
import type { CableSettings } from './settings';
import { indexFilesChanged } from './workspace';

// Changes of the settings and of the files they name: everything open is checked again.

/** workspace/didChangeConfiguration: clients that push settings send them here (`{ cable: {...} }`). */
export function configurationChanged(session: Session, change: DidChangeConfigurationParams): void {
  const s = (change.settings as { cable?: CableSettings } | undefined | null)?.cable;
  if (s && typeof s === 'object') session.settings.push(s);
  session.settings.changed();
  session.diagnostics.scheduleAll();
}

/** workspace/didChangeWatchedFiles: a .cablelintrc.json or the extra tags file changed. */
export function watchedFilesChanged(session: Session): void {
  session.settings.filesChanged();
  session.store.clearFindings();
  session.diagnostics.scheduleAll();
}

export const configurationFeature: Feature = {
  name: 'configuration',
  register({ connection, session }) {
    connection.onDidChangeConfiguration((change) => {
      configurationChanged(session, change);
      refreshViews(connection, session);
    });
    connection.onDidChangeWatchedFiles((p) => {
      watchedFilesChanged(session);
      indexFilesChanged(connection, session, p.changes);
    });
  },
  async initialized({ connection, session }) {
    // Clients that pull settings are told which section to announce changes of.
    if (session.client.configurationRegistration)
      await connection.client.register(DidChangeConfigurationNotification.type, { section: 'cable' });
  },
};
