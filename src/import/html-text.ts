/**
 * HTML, as TimelineJS and StoryMapJS keep their text, turned into plain text: block tags become
 * line breaks, entities are decoded, `<script>`, `<style>` and the like vanish with their
 * contents, and `<a href>` links are collected so importers can keep them as sources. No
 * markup ever comes out. htmlparser2 is a pure tokenizer: no DOM, so this runs in Node.
 */
import { Parser } from 'htmlparser2';
import { isWebUrl } from './sources';

export interface HtmlLink {
  url: string;
  /** The link's own text, as plain text; empty when the link had none. */
  text: string;
}

export interface HtmlText {
  text: string;
  /** http(s) links, in order, each address once. */
  links: HtmlLink[];
  /** `href`s that are not web addresses (`javascript:`, `mailto:`, relative paths): not kept. */
  rejected: string[];
}

/** Elements whose contents are never text for a reader. */
const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math', 'head', 'title', 'select', 'textarea']);
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'dl', 'table', 'pre', 'figure', 'section', 'article', 'header', 'footer', 'aside', 'hr', 'address']);
const LINE = new Set(['br', 'li', 'tr', 'div', 'dd', 'dt', 'figcaption', 'caption', 'main', 'nav']);
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const BARE_URL = /https?:\/\/[^\s<>"'()[\]{}]+/gi;

export interface HtmlTextOptions {
  /** Write each link's address after its text, "text (https://…)", for text that is shown as is. */
  inlineLinks?: boolean;
}

export function htmlToText(html: string, options: HtmlTextOptions = {}): HtmlText {
  let out = '';
  let hidden = 0;
  const links: HtmlLink[] = [];
  const rejected: string[] = [];
  const seen = new Set<string>();
  // Open <a> elements: where their text starts in `out`, and their address.
  const anchors: { start: number; href: string | null }[] = [];
  // A block starts on a new line (a paragraph after a blank one), however many tags meet there.
  const breakTo = (lines: number) => {
    const trailing = /\n*[ \t]*$/.exec(out)![0].split('\n').length - 1;
    if (out.trim() !== '' && trailing < lines) out += '\n'.repeat(lines - trailing);
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (HIDDEN.has(name)) hidden++;
        else if (hidden > 0) return;
        else if (PARAGRAPH.has(name)) breakTo(2);
        else if (name === 'br') out += '\n';
        else if (LINE.has(name)) breakTo(1);
        if (name === 'a') {
          const href = (attribs.href ?? '').trim();
          anchors.push({ start: out.length, href: href || null });
        }
      },
      ontext(data) {
        if (hidden === 0) out += data.replace(CONTROL, '').replace(/\s+/g, ' ');
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        else if (hidden > 0) return;
        else if (PARAGRAPH.has(name)) breakTo(2);
        else if (LINE.has(name) && name !== 'br') breakTo(1);
        if (name === 'a') {
          const anchor = anchors.pop();
          if (!anchor?.href) return;
          const text = tidy(out.slice(anchor.start));
          if (isWebUrl(anchor.href)) {
            if (!seen.has(anchor.href)) {
              seen.add(anchor.href);
              links.push({ url: anchor.href, text });
            }
            if (options.inlineLinks && text !== anchor.href) out += ` (${anchor.href})`;
          } else {
            rejected.push(anchor.href);
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { text: tidy(out), links, rejected };
}

/** Spaces collapsed, at most one blank line between paragraphs, no space at line ends. */
function tidy(text: string): string {
  return text
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Web addresses written out in plain text (TimelineJS's `autolink` makes these clickable). */
export function bareUrls(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(BARE_URL)) {
    const url = match[0].replace(/[.,;:!?]+$/, '');
    if (isWebUrl(url) && !found.includes(url)) found.push(url);
  }
  return found;
}
