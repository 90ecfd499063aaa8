import { css } from 'lit';
import { lightTokens } from './theme.styles';

/** Paper is white whatever the screen's theme: dark text, light land, kind colours of the light theme. */
export const handoutStyles = css`
  :host {
    display: block;
    ${lightTokens}
    color: var(--cm-ink);
    background: var(--cm-paper);
    font-size: 10.5pt;
    line-height: 1.35;
  }
  h2 {
    font-size: 17pt;
    line-height: 1.2;
    margin: 0 0 2pt;
  }
  h3 {
    font-size: 12pt;
    margin: 10pt 0 4pt;
  }
  .window,
  .note {
    color: var(--cm-muted);
    margin: 0 0 6pt;
  }
  figure {
    margin: 6pt 0;
    break-inside: avoid;
  }
  figure svg {
    display: block;
    width: 100%;
    height: auto;
    border: 0.5pt solid var(--cm-border);
  }
  figcaption {
    color: var(--cm-muted);
    font-size: 9pt;
    margin-top: 2pt;
  }
  .key {
    display: flex;
    flex-wrap: wrap;
    gap: 2pt 14pt;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 9.5pt;
    break-inside: avoid;
  }
  .key li {
    display: inline-flex;
    align-items: center;
    gap: 4pt;
  }
  .key svg {
    flex: none;
  }
  ol.events {
    padding-left: 0;
    list-style: none;
    margin: 0;
  }
  ol.events > li {
    display: grid;
    grid-template-columns: 2.4em 1fr;
    gap: 0 4pt;
    padding: 4pt 0;
    border-top: 0.5pt solid var(--cm-border);
    break-inside: avoid;
  }
  .n {
    font-weight: 700;
    text-align: right;
  }
  .badge {
    display: block;
    font-size: 8.5pt;
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--cm-accent);
  }
  .when {
    font-weight: 700;
  }
  .entry p {
    margin: 1pt 0 0;
  }
  .figures,
  .sources {
    font-size: 9pt;
    color: var(--cm-muted);
  }
  .sources a {
    color: inherit;
  }
  ol.steps {
    margin: 0;
    padding-left: 1.4em;
  }
  ol.steps li {
    margin-bottom: 4pt;
    break-inside: avoid;
  }
  ol.steps p {
    margin: 1pt 0 0;
  }
  footer {
    margin-top: 10pt;
    padding-top: 4pt;
    border-top: 0.5pt solid var(--cm-border);
    font-size: 9pt;
    color: var(--cm-muted);
  }
  footer p {
    margin: 0 0 2pt;
  }
  .attribution {
    color: var(--cm-ink);
  }
  .link {
    overflow-wrap: anywhere;
  }
`;
