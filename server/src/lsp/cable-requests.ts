import { describeDate } from '../cable-date';
import { todayUtc } from '../dates';
import { newCableTemplate } from '../features/template';
import { LEVEL_NAME } from '../model';
import type { Feature } from './feature';
import { cableStart } from '../parse/detect';
import {
  ClassificationRequest,
  DetectRequest,
  NewCableRequest,
  type ClassificationParams,
  type ClassificationResult,
  type DetectParams,
  type DetectResult,
  type NewCableParams,
  type NewCableResult,
} from './protocol';
import type { Session } from './session';
import { parseDateSetting } from './settings';

// The server's own requests (protocol.ts): what the VS Code client shows
// besides the standard features.

/** cable/classification: the status bar's classification of the cable. */
export async function classification(session: Session, params: ClassificationParams): Promise<ClassificationResult | null> {
  const s = await session.stateOf(params.textDocument.uri);
  if (!s) return null;
  const { cable, ctx } = s.state;
  const date = describeDate(ctx.dated);
  if (!cable.level) return { date };
  return { level: cable.level, name: LEVEL_NAME[cable.level], banner: cable.banner?.classText.text, date };
}

/** cable/newCable: the template of "Cable: New Cable", dated by `cable.date` or today. */
export async function newCable(session: Session, params: NewCableParams): Promise<NewCableResult> {
  const settings = await session.settings.raw(params?.scopeUri);
  const problems: string[] = [];
  const date = typeof settings.date === 'string' ? parseDateSetting(settings.date, problems) : undefined;
  for (const p of problems) session.host.warn(p);
  return { snippet: newCableTemplate(date ?? todayUtc(), { snippet: true }) };
}

/** cable/detect: whether a plain-text document is a cable, by the parser's header and banner recognition. */
export function detect(params: DetectParams): DetectResult {
  const text = typeof params?.text === 'string' ? params.text : '';
  return { start: cableStart(text) ?? null };
}

export const cableRequestsFeature: Feature = {
  name: 'cable requests',
  register({ connection, session }) {
    connection.onRequest(
      ClassificationRequest,
      session.guard('classification', (p: ClassificationParams) => classification(session, p)),
    );
    connection.onRequest(
      DetectRequest,
      session.guard('detect', (p: DetectParams) => detect(p)),
    );
    connection.onRequest(
      NewCableRequest,
      session.guard('newCable', (p: NewCableParams) => newCable(session, p)),
    );
  },
};
