import { DiskCache, effectiveSettings, uriToPath, type CableSettings, type Effective } from './settings';

// Where a document's settings come from: clients that can be asked answer
// workspace/configuration (cached per document until a change is announced);
// the others push them (initializationOptions, workspace/didChangeConfiguration).
// Each problem with them is shown to the user once until the settings change.

export interface SettingsHost {
  /** workspace/configuration for section `cable`. */
  pull(scopeUri: string | undefined): Promise<unknown>;
  /** Tells the user (log and a warning message). */
  warn(message: string): void;
  /** Logs only. */
  error(message: string): void;
}

export class SettingsSource {
  /** The client answers workspace/configuration. */
  canPull = false;
  workspaceRoots: string[] = [];
  readonly disk = new DiskCache();
  /** Settings pushed by clients that cannot be asked. */
  private pushed: CableSettings = {};
  private pulled = new Map<string, Promise<CableSettings>>();
  private reported = new Set<string>();

  constructor(private readonly host: SettingsHost) {}

  /** The settings as the client gives them, for a document (or the window when no uri). */
  raw(uri: string | undefined): Promise<CableSettings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    const key = uri ?? '';
    let p = this.pulled.get(key);
    if (!p) {
      p = this.host.pull(uri).then(
        (s) => (s && typeof s === 'object' ? (s as CableSettings) : {}),
        (e) => {
          this.host.error(`workspace/configuration failed: ${(e as Error).message}`);
          return {};
        },
      );
      this.pulled.set(key, p);
    }
    return p;
  }

  /** The settings and the config file merged for a document; new problems are reported once. */
  async effective(uri: string): Promise<Effective> {
    const eff = effectiveSettings(uri, await this.raw(uri), this.disk, this.workspaceRoots);
    for (const p of eff.problems) {
      if (this.reported.has(p)) continue;
      this.reported.add(p);
      this.host.warn(p);
    }
    return eff;
  }

  /** Settings pushed by the client: `{ cable: {...} }` (didChangeConfiguration) or `{...}` (initializationOptions). */
  push(settings: CableSettings): void {
    this.pushed = settings;
  }

  /** The client said the settings changed. */
  changed(): void {
    this.pulled.clear();
    this.reported.clear();
  }

  /** A watched file (a config file or the extra tags file) changed. */
  filesChanged(): void {
    this.disk.clear();
    this.reported.clear();
  }

  forget(uri: string): void {
    this.pulled.delete(uri);
  }

  /** The workspace folders (or the root) of the initialize request, as paths. */
  setRoots(folders: readonly { uri: string }[] | null | undefined, rootUri: string | null | undefined): void {
    this.workspaceRoots = (folders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    if (this.workspaceRoots.length === 0 && rootUri) {
      const p = uriToPath(rootUri);
      if (p) this.workspaceRoots = [p];
    }
  }
}
