import type { Addressee, Block, Cable, Paragraph, Span } from '../model';

// The document outline: the header as one group, the preamble elements, the
// numbered paragraphs with their sub-paragraphs and blocks, the signature.

export type OutlineKind =
  | 'header'
  | 'header-line'
  | 'banner'
  | 'eo'
  | 'tags'
  | 'subject'
  | 'refs'
  | 'ref'
  | 'classified-by'
  | 'paragraph'
  | 'subparagraph'
  | 'summary'
  | 'comment'
  | 'signature';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: OutlineKind;
  start: number;
  end: number;
  /** The part to select and reveal (the paragraph number for paragraphs). */
  selectionStart: number;
  selectionEnd: number;
  children: OutlineSymbol[];
}

function sym(kind: OutlineKind, name: string, s: Span, sel: Span = s, detail?: string): OutlineSymbol {
  const end = Math.max(s.end, s.start);
  const selStart = Math.min(Math.max(sel.start, s.start), end);
  const selEnd = Math.min(Math.max(sel.end, selStart), end);
  return { name: name.trim() || kind, detail, kind, start: s.start, end, selectionStart: selStart, selectionEnd: selEnd, children: [] };
}

/** Collapses white space and shortens long names for display. */
function short(s: string, max = 80): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

export function outline(cable: Cable): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  const t = cable.text;
  const h = cable.header;
  if (h) {
    const group = sym('header', 'Header', h, h, h.kind === 'acp127' ? 'ACP-127' : h.kind === 'acp126' ? 'ACP-126' : 'printout');
    const line = (s: Span | undefined, name?: string) => {
      if (s && s.end > s.start) group.children.push(sym('header-line', name ?? short(t.slice(s.start, s.end)), s));
    };
    line(h.vzczc);
    line(h.prosignLine);
    line(h.de);
    line(h.security);
    line(h.dtg);
    const addr = (a: Addressee, kw: string) => line(a, `${kw} ${a.plad?.text ?? a.ri?.text ?? ''}`);
    if (h.from) addr(h.from, 'FM');
    for (const a of h.to) addr(a, 'TO');
    for (const a of h.info) addr(a, 'INFO');
    out.push(group);
  }
  const b = cable.banner;
  if (b)
    out.push(
      sym(
        'banner',
        short(
          `${b.className}${b.section ? ' ' + b.section.text : ''}${b.post ? ' ' + b.post.text : ''}${b.serial ? ' ' + b.serial.text : ''}`,
        ),
        b,
        b.classText,
        b.level,
      ),
    );
  if (cable.eo) out.push(sym('eo', short(t.slice(cable.eo.start, cable.eo.end)), cable.eo, cable.eo.keyword));
  if (cable.tags) out.push(sym('tags', short(`TAGS: ${cable.tags.tags.map((x) => x.code).join(' ')}`), cable.tags, cable.tags.keyword));
  if (cable.subject) out.push(sym('subject', short(cable.subject.text, 120) || 'SUBJECT', cable.subject, cable.subject.keyword, 'SUBJECT'));
  const refs = cable.refs;
  if (refs) {
    const r = sym(
      'refs',
      'REF',
      refs,
      refs.keyword,
      refs.items
        .map((i) => i.letter)
        .filter(Boolean)
        .join(', ') || undefined,
    );
    for (const item of refs.items)
      r.children.push(sym('ref', short(`${item.letter ? item.letter + '. ' : ''}${item.target.text}`), item, item.marker ?? item.target));
    out.push(r);
  }
  const cb = cable.classifiedBy;
  if (cb) {
    const reasons = cb.reasons.length
      ? `${cb.section?.text ?? ''} (${cb.reasons.map((x) => x.text.toLowerCase()).join(', ')})`.trim()
      : undefined;
    out.push(sym('classified-by', short(`Classified By: ${cb.authority?.text ?? cb.body.text}`), cb, cb.keyword, reasons));
  }

  // Blocks nest under the paragraph they start in; a block before paragraph 1 stays at the top.
  const blocks = [...cable.blocks].sort((x, y) => x.start - y.start);
  let bi = 0;
  const topBlock = (blk: Block) => out.push(blockSym(blk, t, blk));
  for (const p of cable.paragraphs) {
    while (bi < blocks.length && blocks[bi].start < p.start) topBlock(blocks[bi++]);
    const ps = paragraphSym(p, t);
    while (bi < blocks.length && blocks[bi].start < p.end) {
      const clipped = { start: blocks[bi].start, end: Math.min(blocks[bi].end, p.end) };
      ps.children.push(blockSym(blocks[bi++], t, clipped));
    }
    ps.children.sort((x, y) => x.start - y.start);
    out.push(ps);
  }
  while (bi < blocks.length) topBlock(blocks[bi++]);
  if (cable.signature) out.push(sym('signature', cable.signature.text, cable.signature, cable.signature, 'signature'));
  return out;
}

function paragraphSym(p: Paragraph, text: string): OutlineSymbol {
  const name = short(`${p.number.text}.${p.marking ? ' ' + p.marking.text : ''}${p.firstWords ? ' ' + p.firstWords : ''}`);
  const s = sym('paragraph', name, p, p.number, p.marking?.value);
  for (const sp of p.subparagraphs) {
    const words = short(text.slice(sp.marker.end, Math.min(sp.end, sp.marker.end + 80)), 50);
    s.children.push(sym('subparagraph', `${sp.marker.text} ${words}`, sp, sp.marker));
  }
  return s;
}

function blockSym(b: Block, text: string, range: Span): OutlineSymbol {
  const name = b.kind === 'summary' ? 'SUMMARY' : 'COMMENT';
  const sel = b.open ?? b.close ?? range;
  return sym(
    b.kind,
    name,
    range,
    sel,
    b.open ? (b.close ? short(text.slice(b.close.start, b.close.end)) : `no END ${name}`) : 'END without start',
  );
}
