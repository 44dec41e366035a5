import type {Location} from '../../model/document.js';

/** A line of the decoded text with its 1-based line number and, for form-feed separated dumps, its page. */
export interface TextLine {
  text: string;
  line: number;
  page?: number;
}

/** Split decoded text into numbered lines; a form feed (pdftotext's page break) starts a new page. */
export function splitLines(text: string): TextLine[] {
  const paged = text.includes('\f');
  let page = 1;
  return text.split('\n').map((raw, i) => {
    let value = raw.replace(/\r$/, '');
    if (paged && value.includes('\f')) {
      page += (value.match(/\f/g) ?? []).length;
      value = value.replace(/\f/g, '');
    }
    return paged ? {text: value, line: i + 1, page} : {text: value, line: i + 1};
  });
}

/** The location of a text line. */
export function locate(line: TextLine): Location {
  return line.page === undefined ? {line: line.line} : {line: line.line, page: line.page};
}

/** A list marker at the start of a line: a bullet, a number or a letter ("•", "-", "1.", "2)", "(a)", "iv."). */
export const LIST_MARKER = /^([•●▪◦■□‣⁃∙·*–-]|\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]|\((?:\d{1,3}|[a-z]|[ivx]{1,4})\))\s+(?=\S)/i;

/** Split a leading list marker from a piece of text. */
export function splitMarker(text: string): {marker?: string; text: string} {
  const m = LIST_MARKER.exec(text);
  return m ? {marker: m[1]!, text: text.slice(m[0].length)} : {text};
}
