/**
 * <cm-maker>: the "Make your own" page. A person drops or chooses a file (TimelineJS JSON or
 * sheet CSV, StoryMapJS, the Chronomap CSV template, an ACLED-style export, or our JSON), sees
 * what could not be used — errors and warnings apart, each a button that shows the row in the
 * file — sees the interactive drawn from it at once, sets the title, description, attribution
 * and opening window, then downloads the dataset and copies an embed snippet. Nothing leaves
 * the browser; the file and settings survive a reload until cleared.
 *
 * @property language - interface language
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { IMPORT_FORMATS, importText, type ImportFormat, type ImportNote, type ImportResult } from '../import';
import { formatCount } from '../i18n/format';
import { t, type UiLanguage } from '../i18n/messages';
import { clearDraft, loadDraft, saveDraft, type Draft, type DraftSettings } from '../make/draft';
import { lineOf } from '../make/locate';
import { applySettings, elementSnippet, fileName, iframeSnippet, settingsOf } from '../make/settings';
import type { DatasetRecord } from '../model/schema';
import { controlStyles } from './shared.styles';
import { darkTokens, lightTokens } from './theme.styles';
import type { ChronoMap } from './chrono-map';
import './chrono-map';

/** Notes listed in full per level; a file with more gets a count. */
const NOTES_SHOWN = 100;
/** Lines of the file shown around the line a note points at. */
const CONTEXT_LINES = 6;

const EMPTY_SETTINGS: DraftSettings = { title: '', description: '', attribution: '', from: '', to: '' };

@customElement('cm-maker')
export class CmMaker extends LitElement {
  static override styles = [
    ...controlStyles,
    css`
      :host {
        display: block;
        ${lightTokens}
        color: var(--cm-ink);
        background: var(--cm-paper);
        font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif;
      }
      @media (prefers-color-scheme: dark) {
        :host {
          ${darkTokens}
        }
      }
      section {
        margin: 0 0 20px;
      }
      h2 {
        font-size: 1.1rem;
        margin: 0 0 8px;
      }
      .drop {
        border: 2px dashed var(--cm-border);
        border-radius: 8px;
        padding: 20px;
        text-align: center;
      }
      .drop.over {
        border-color: var(--cm-accent);
        background: color-mix(in srgb, var(--cm-accent) 10%, transparent);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 16px;
        align-items: center;
        margin: 8px 0;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 4px;
        font-weight: 600;
        font-size: 0.9rem;
      }
      input:not([type='file']),
      textarea,
      select {
        font: inherit;
        font-weight: 400;
        color: var(--cm-ink);
        background: var(--cm-paper);
        border: 1px solid var(--cm-border);
        border-radius: 6px;
        min-height: 36px;
        padding: 4px 8px;
        box-sizing: border-box;
      }
      .settings label {
        width: min(100%, 28em);
      }
      textarea {
        width: 100%;
        min-height: 5em;
      }
      .notes {
        list-style: none;
        padding: 0;
        margin: 0 0 8px;
        max-height: 18em;
        overflow: auto;
      }
      .notes button {
        text-align: left;
        border: none;
        background: none;
        padding: 4px 0;
        min-height: 0;
        width: 100%;
      }
      .notes button[aria-pressed='true'] {
        background: color-mix(in srgb, var(--cm-accent) 15%, transparent);
      }
      .where {
        font-family: ui-monospace, monospace;
        font-size: 0.85rem;
        color: var(--cm-muted);
      }
      .level-error h3 {
        color: var(--cm-danger);
      }
      h3 {
        font-size: 0.95rem;
        margin: 8px 0 4px;
      }
      pre.source {
        font-size: 0.8rem;
        border: 1px solid var(--cm-border);
        border-radius: 6px;
        padding: 6px;
        overflow-x: auto;
        white-space: pre;
        margin: 0;
      }
      pre.source .line {
        display: block;
      }
      pre.source .line.marked {
        background: color-mix(in srgb, var(--cm-accent) 25%, transparent);
      }
      pre.source .n {
        color: var(--cm-muted);
        user-select: none;
        display: inline-block;
        min-width: 4ch;
      }
      .import-summary {
        font-weight: 600;
      }
      .status {
        color: var(--cm-muted);
      }
      @media (pointer: coarse) {
        input:not([type='file']),
        select,
        .notes button {
          min-height: 44px;
        }
      }
    `,
  ];

  @property() language: UiLanguage = 'en';

  @state() private draft: Draft | null = null;
  @state() private result: ImportResult | null = null;
  @state() private marked: ImportNote | null = null;
  @state() private dragging = false;
  @state() private message = '';
  @query('chrono-map') private preview?: ChronoMap;

  override connectedCallback(): void {
    super.connectedCallback();
    void loadDraft().then((draft) => {
      if (draft && !this.draft) this.open(draft, false);
    });
  }

  /** Imports a draft's file and shows it; `fresh` takes the settings from the file itself. */
  private open(draft: Draft, fresh: boolean): void {
    const result = importText(draft.text, { filename: draft.name, ...(draft.format ? { format: draft.format } : {}) });
    const settings = fresh && result.dataset ? settingsOf(result.dataset) : draft.settings;
    this.draft = { ...draft, settings };
    this.result = result;
    this.marked = null;
    void saveDraft(this.draft).then((saved) => {
      if (!saved) this.message = t(this.language, 'makeNotSaved');
    });
  }

  /** The dataset as it will be published: the import with the person's settings. */
  private get published(): DatasetRecord | null {
    return this.result?.dataset && this.draft ? applySettings(this.result.dataset, this.draft.settings) : null;
  }

  override updated(): void {
    const d = this.published;
    if (d && this.preview && this.previewed !== d) {
      this.previewed = d;
      void this.preview.setData(d);
    }
  }

  private previewed: DatasetRecord | null = null;

  private async readFile(file: File): Promise<void> {
    const text = await file.text();
    this.open({ name: file.name, text, format: null, settings: EMPTY_SETTINGS }, true);
    this.message = t(this.language, 'makeRead', { name: file.name });
  }

  override render() {
    const lang = this.language;
    const result = this.result;
    const dataset = this.published;
    return html`
      <section aria-labelledby="file-h">
        <h2 id="file-h">${t(lang, 'makeStep1')}</h2>
        <div
          class="drop ${this.dragging ? 'over' : ''}"
          @dragover=${(e: DragEvent) => (e.preventDefault(), (this.dragging = true))}
          @dragleave=${() => (this.dragging = false)}
          @drop=${this.onDrop}
        >
          <p>${t(lang, 'makeDrop')}</p>
          <label>${t(lang, 'makeChoose')}<input type="file" accept=".json,.csv,.tsv,.txt,application/json,text/csv" @change=${this.onChoose} /></label>
        </div>
        <div class="row">
          <label
            >${t(lang, 'makeFormat')}
            <select @change=${this.onFormat} ?disabled=${!this.draft}>
              <option value="" ?selected=${!this.draft?.format}>${t(lang, 'makeDetect')}${result && !this.draft?.format ? ` (${formatName(lang, result.format)})` : ''}</option>
              ${IMPORT_FORMATS.map((f) => html`<option value=${f} ?selected=${this.draft?.format === f}>${formatName(lang, f)}</option>`)}
            </select>
          </label>
          <a href="templates/chronomap-template.csv" download>${t(lang, 'makeTemplate')}</a>
          ${this.draft ? html`<button type="button" @click=${this.onClear}>${t(lang, 'makeClear')}</button>` : nothing}
        </div>
        <p class="status" role="status">${this.message}</p>
      </section>
      ${result ? this.renderReport(result) : nothing}
      ${dataset ? this.renderSettings() : nothing}
      <section aria-labelledby="preview-h" ?hidden=${!dataset}>
        <h2 id="preview-h">${t(lang, 'makePreview')}</h2>
        <chrono-map url-state="none" lang=${lang} src=""></chrono-map>
      </section>
      ${dataset ? this.renderPublish(dataset) : nothing}
    `;
  }

  private renderReport(result: ImportResult) {
    const lang = this.language;
    const errors = result.notes.filter((n) => n.level === 'error');
    const warnings = result.notes.filter((n) => n.level === 'warning');
    const d = result.dataset;
    return html`<section aria-labelledby="report-h">
      <h2 id="report-h">${t(lang, 'makeStep2')}</h2>
      <p class="import-summary">
        ${d
          ? t(lang, 'makeSummary', { format: formatName(lang, result.format), events: formatCount(d.events.length, lang), places: formatCount(d.places.length, lang) })
          : t(lang, 'makeNothing')}
      </p>
      ${this.renderNotes(errors, 'error')} ${this.renderNotes(warnings, 'warning')}
      ${this.marked ? this.renderSource(this.marked) : nothing}
    </section>`;
  }

  private renderNotes(notes: readonly ImportNote[], level: ImportNote['level']) {
    if (!notes.length) return nothing;
    const lang = this.language;
    return html`<div class="level-${level}">
      <h3>${t(lang, level === 'error' ? 'makeErrors' : 'makeWarnings', { count: formatCount(notes.length, lang) })}</h3>
      <ul class="notes">
        ${notes.slice(0, NOTES_SHOWN).map(
          (n) => html`<li>
            <button type="button" aria-pressed=${this.marked === n ? 'true' : 'false'} @click=${() => (this.marked = n)}>
              <span class="where">${n.where}</span>: ${n.message}
            </button>
          </li>`,
        )}
      </ul>
      ${notes.length > NOTES_SHOWN ? html`<p>${t(lang, 'andMore', { count: formatCount(notes.length - NOTES_SHOWN, lang) })}</p>` : nothing}
    </div>`;
  }

  /** The lines of the file around the one a note points at; a few, whatever the file's size. */
  private renderSource(note: ImportNote) {
    const text = this.draft?.text ?? '';
    const line = lineOf(text, note.where);
    if (line === null) return html`<p class="status">${t(this.language, 'makeNoLine')}</p>`;
    const first = Math.max(1, line - CONTEXT_LINES);
    const lines = sliceLines(text, first, line + CONTEXT_LINES);
    return html`<pre class="source" aria-label=${t(this.language, 'makeSource', { line })} tabindex="0">${lines.map(
      (l, i) => html`<span class="line ${first + i === line ? 'marked' : ''}"><span class="n">${first + i}</span> ${l.length > 400 ? `${l.slice(0, 400)}…` : l}</span>`,
    )}</pre>`;
  }

  private renderSettings() {
    const lang = this.language;
    const s = this.draft!.settings;
    const field = (key: keyof DraftSettings, label: string, type = 'text') =>
      html`<label>${label}<input type=${type} .value=${s[key]} @change=${(e: Event) => this.setSetting(key, (e.target as HTMLInputElement).value)} /></label>`;
    return html`<section class="settings" aria-labelledby="settings-h">
      <h2 id="settings-h">${t(lang, 'makeStep3')}</h2>
      ${field('title', t(lang, 'makeTitle'))}
      <label>${t(lang, 'makeDescription')}<textarea .value=${s.description} @change=${(e: Event) => this.setSetting('description', (e.target as HTMLTextAreaElement).value)}></textarea></label>
      ${field('attribution', t(lang, 'makeAttribution'))}
      <div class="row">${field('from', t(lang, 'makeFrom'), 'date')} ${field('to', t(lang, 'makeTo'), 'date')}</div>
    </section>`;
  }

  private renderPublish(dataset: DatasetRecord) {
    const lang = this.language;
    const file = fileName(dataset.title);
    const snippet = `${elementSnippet(location.href, file)}`;
    const iframe = iframeSnippet(location.href, file, dataset.title);
    return html`<section aria-labelledby="publish-h">
      <h2 id="publish-h">${t(lang, 'makeStep4')}</h2>
      <div class="row">
        <button type="button" class="download-dataset" @click=${() => this.download(dataset, file)}>${t(lang, 'makeDownload', { file })}</button>
      </div>
      <p>${t(lang, 'makeUpload', { file })}</p>
      <label>${t(lang, 'makeSnippet')}<textarea readonly .value=${snippet}></textarea></label>
      <div class="row"><button type="button" @click=${() => this.copy(snippet)}>${t(lang, 'makeCopy')}</button></div>
      <label>${t(lang, 'makeIframe')}<textarea readonly .value=${iframe}></textarea></label>
      <div class="row"><button type="button" @click=${() => this.copy(iframe)}>${t(lang, 'makeCopy')}</button></div>
    </section>`;
  }

  private setSetting(key: keyof DraftSettings, value: string): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, settings: { ...this.draft.settings, [key]: value } };
    void saveDraft(this.draft);
  }

  private download(dataset: DatasetRecord, file: string): void {
    const url = URL.createObjectURL(new Blob([`${JSON.stringify(dataset, null, 2)}\n`], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file;
    a.hidden = true;
    this.renderRoot.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private async copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.message = t(this.language, 'makeCopied');
    } catch {
      this.message = t(this.language, 'makeCopyFailed');
    }
  }

  private readonly onChoose = (e: Event): void => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) void this.readFile(file);
  };

  private readonly onDrop = (e: DragEvent): void => {
    e.preventDefault();
    this.dragging = false;
    const file = e.dataTransfer?.files[0];
    if (file) void this.readFile(file);
  };

  private readonly onFormat = (e: Event): void => {
    if (!this.draft) return;
    const value = (e.target as HTMLSelectElement).value as ImportFormat | '';
    this.open({ ...this.draft, format: value || null }, true);
  };

  private readonly onClear = async (): Promise<void> => {
    await clearDraft();
    this.draft = null;
    this.result = null;
    this.marked = null;
    this.previewed = null;
    this.message = t(this.language, 'makeCleared');
  };
}

const FORMAT_NAMES: Record<UiLanguage, Record<ImportFormat, string>> = {
  en: { timelinejs: 'TimelineJS (JSON)', 'timelinejs-csv': 'TimelineJS sheet (CSV)', storymap: 'StoryMapJS (JSON)', csv: 'Chronomap template (CSV)', acled: 'Conflict events, ACLED layout (CSV)', chronomap: 'Chronomap dataset (JSON)' },
  uk: { timelinejs: 'TimelineJS (JSON)', 'timelinejs-csv': 'Таблиця TimelineJS (CSV)', storymap: 'StoryMapJS (JSON)', csv: 'Шаблон Chronomap (CSV)', acled: 'Конфліктні події, формат ACLED (CSV)', chronomap: 'Набір даних Chronomap (JSON)' },
};

const formatName = (lang: UiLanguage, format: ImportFormat) => FORMAT_NAMES[lang][format];

/** Lines `first` to `last` (1-based, inclusive) of a text, without splitting all of a large file. */
function sliceLines(text: string, first: number, last: number): string[] {
  const out: string[] = [];
  let line = 1;
  let start = 0;
  while (line <= last && start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (line >= first) out.push(text.slice(start, end).replace(/\r$/, ''));
    start = end + 1;
    line++;
    if (end === text.length) break;
  }
  return out;
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-maker': CmMaker;
  }
}
