import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/components/cm-share';
import type { CmShare } from '../../src/components/cm-share';
import { iframeSnippet, scriptSnippet } from '../../src/embed/snippets';

const LINK = 'https://news.example/story/#event=kyiv-strike';
const EMBED = 'https://cdn.example/chronomap/embed.html?event=kyiv-strike';
const TITLE = 'Talks and strikes';

let element: CmShare | undefined;
afterEach(() => {
  element?.remove();
  element = undefined;
  vi.restoreAllMocks();
});

async function mount(props: Partial<Pick<CmShare, 'link' | 'embedUrl' | 'embedTitle' | 'language'>> = {}): Promise<CmShare> {
  element = Object.assign(document.createElement('cm-share'), { link: LINK, embedUrl: EMBED, embedTitle: TITLE, ...props });
  document.body.append(element);
  await element.updateComplete;
  return element;
}

/** Shadow-DOM queries named for what a reader sees. */
const ui = (el: CmShare) => ({
  toggle: () => el.shadowRoot!.querySelector<HTMLButtonElement>('.toggle')!,
  panel: () => el.shadowRoot!.querySelector<HTMLElement>('[role="dialog"]'),
  fields: () => [...el.shadowRoot!.querySelectorAll('textarea')].map((f) => ({ label: el.shadowRoot!.querySelector(`label[for="${f.id}"]`)!.textContent!.trim(), value: f.value })),
  copyButton: (label: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.copy')].find((b) => b.getAttribute('aria-label')!.endsWith(label))!,
  field: (label: string) => {
    const id = [...el.shadowRoot!.querySelectorAll('label')].find((l) => l.textContent!.trim() === label)!.htmlFor;
    return el.shadowRoot!.getElementById(id) as HTMLTextAreaElement;
  },
  status: () => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim(),
});

const open = async (el: CmShare) => {
  ui(el).toggle().click();
  await el.updateComplete;
  await el.updateComplete;
};

describe('<cm-share>', () => {
  it('opens a labelled panel with the link, the iframe and the script snippet from the toggle button', async () => {
    const el = await mount();
    expect(ui(el).toggle().getAttribute('aria-expanded')).toBe('false');
    expect(ui(el).panel()).toBeNull();
    await open(el);
    expect(ui(el).toggle().getAttribute('aria-expanded')).toBe('true');
    const panel = ui(el).panel()!;
    expect(ui(el).toggle().getAttribute('aria-controls')).toBe(panel.id);
    expect(el.shadowRoot!.getElementById(panel.getAttribute('aria-labelledby')!)!.textContent).toBe('Share this view');
    expect(ui(el).fields()).toEqual([
      { label: 'Link to this view', value: LINK },
      { label: 'Embed code: an iframe', value: iframeSnippet(EMBED, { title: TITLE }) },
      { label: 'Embed code: an iframe that fits its height', value: scriptSnippet(EMBED, { title: TITLE }) },
    ]);
    expect(el.shadowRoot!.activeElement).toBe(ui(el).copyButton('Link to this view'));
  });

  it('closes on Escape and gives focus back to the Share button', async () => {
    const el = await mount();
    await open(el);
    await userEvent.keyboard('{Escape}');
    await el.updateComplete;
    expect(ui(el).panel()).toBeNull();
    expect(ui(el).toggle().getAttribute('aria-expanded')).toBe('false');
    expect(el.shadowRoot!.activeElement).toBe(ui(el).toggle());
  });

  it('copies a snippet with the Clipboard API and says so', async () => {
    const written: string[] = [];
    vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(async (text) => void written.push(text));
    const el = await mount();
    await open(el);
    ui(el).copyButton('an iframe').click();
    await expect.poll(() => ui(el).status()).toBe('Copied.');
    expect(written).toEqual([iframeSnippet(EMBED, { title: TITLE })]);
  });

  it('selects the text for Ctrl+C when the clipboard refuses', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    const el = await mount();
    await open(el);
    ui(el).copyButton('fits its height').click();
    await expect.poll(() => ui(el).status()).toBe('Selected: press Ctrl+C (⌘C on a Mac) to copy.');
    const field = ui(el).field('Embed code: an iframe that fits its height');
    expect(el.shadowRoot!.activeElement).toBe(field);
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, field.value.length]);
  });

  it('offers no embed code for an address that is not http(s), and speaks Ukrainian', async () => {
    const el = await mount({ embedUrl: 'javascript:alert(1)', language: 'uk' });
    await open(el);
    expect(ui(el).toggle().textContent!.trim()).toBe('Поділитися');
    expect(ui(el).fields()).toEqual([{ label: 'Посилання на цей вид', value: LINK }]);
  });
});
