/**
 * Characters named by code point, for messages about text that cannot be shown as is.
 *
 * @example
 * codePoints('鈥'); // 'U+9225'
 */
export function codePoints(text: string): string {
  return [...text].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}
