/**
 * Every diagnostic code the pipeline can emit, with a one-line reason and a longer note.
 * The README's list of diagnostics is generated from this table (`npm run schemas`).
 */
export const diagnosticCodes = {
  'file-not-found': {reason: 'The path does not exist', note: 'Check the path; relative paths resolve from the working directory.'},
  'not-a-file': {reason: 'The path is a directory or special file', note: 'Pass a document file, not a folder.'},
  'file-unreadable': {reason: 'The file cannot be read', note: 'Check permissions on the file.'},
  'file-empty': {reason: 'The file has no content', note: 'An empty file usually means a failed download.'},
  'file-too-large': {reason: 'The file is over the size limit', note: 'Raise the limit with `--max-bytes` if the file is genuine.'},
  'binary-content': {reason: 'The bytes are not a supported document format', note: 'Supported: PDF, HTML, Markdown, plain or layout text.'},
  'parse-failed': {reason: 'The parser gave up on the document (for example, markup nested too deeply)', note: 'The document is refused; nothing is guessed.'},
  'limit-exceeded': {reason: 'Part of the document was beyond a safety limit and was cut', note: 'Limits: 100,000 characters a line (text and Markdown), 2,000 objectives a document.'},
  'format-unsupported': {reason: 'The detected format cannot be read by this build', note: 'See the README for supported formats.'},
  'format-from-name': {reason: 'The format was taken from the file name because the bytes were ambiguous', note: 'Informational.'},
  'encoding-detected': {reason: 'A text encoding other than UTF-8 was detected and decoded', note: 'Informational: the bytes were decoded with the named encoding.'},
  'encoding-invalid': {reason: 'The bytes are not valid in the detected encoding', note: 'Invalid sequences were replaced with U+FFFD.'},
  'encoding-mojibake': {reason: 'Text that was mis-decoded once (mojibake) was repaired', note: 'Each repair is listed with its line.'},
  'encoding-mojibake-unrepaired': {reason: 'Mojibake was found that could not be repaired with certainty', note: 'The original bytes are lost; check the source.'},
  'pdf-encrypted': {reason: 'The PDF is encrypted (password required)', note: 'Supply an unencrypted copy.'},
  'pdf-corrupt': {reason: 'The PDF is corrupt or truncated', note: 'Download the file again.'},
  'pdf-no-text': {reason: 'The PDF has no text layer (a scanned image); OCR is needed', note: 'Run OCR (e.g. ocrmypdf) first.'},
  'pdf-empty': {reason: 'The PDF has text, but none of it could be read as document content', note: 'The message says why (for example, all of it was page furniture or unreadable glyphs).'},
  'pdf-no-header': {reason: 'The PDF has no `%PDF-` signature, but is PDF syntax and was read as PDF', note: 'Informational: readers accept such files.'},
  'pdf-attachment-encrypted': {reason: 'Only the PDF\'s attachments are encrypted; the document itself was read', note: 'Informational: attachments are never read.'},
  'pdf-annotation-text': {reason: 'Text was read from annotations or form fields, outside the page content', note: 'Informational: such blocks are flagged with their origin.'},
  'page-turned': {reason: 'A page whose text runs mostly at an angle was read turned by that angle', note: 'Informational: for a landscape table printed on a portrait page, or a page rotated against its text.'},
  'pdf-page-failed': {reason: 'A PDF page could not be read', note: 'The other pages were read.'},
  'rotated-text-dropped': {reason: 'Rotated text (a side label) was set aside', note: 'Informational.'},
  'furniture-removed': {reason: 'Running headers, footers or page numbers were removed', note: 'Informational.'},
  'table-not-found': {reason: 'No objectives were found: no table, list or commitment sentences read as objectives', note: 'The extractor scores every table (each column as the item column), every list under a heading and commitment sentences in prose; steer it with `--table`, `--item-column` or `--group-column`.'},
  'reading-uncertain': {reason: 'The best reading of the document scored low: the items may be wrong', note: 'Check the items; steer with `--table`, `--item-column` or `--group-column`.'},
  'reading-ambiguous': {reason: 'Another reading of the document, named in the message, scored almost as well', note: 'Check which is right; steer with `--table`, `--item-column` or `--group-column`.'},
  'groups-missing': {reason: 'No item was given a group although the table has a column that looks like one', note: 'Name the group column with `--group-column`.'},
  'table-truncated': {reason: "A table's rows stop before its last page, or part of it was not read", note: 'Check the pages named; the table may continue in a shape the reader did not join.'},
  'column-ignored': {reason: 'A column holding text was set aside', note: 'Its text is not in the output; name the columns with `--item-column` / `--group-column` if this is wrong.'},
  'items-count-changed': {reason: 'The number of items changed by more than half against the other edition', note: 'One of the editions may have been read wrongly; check both.'},
  'row-unparsed': {reason: 'A table row could not be read as an objective', note: 'The row was skipped; the rest were extracted.'},
  'junk-removed': {reason: 'Text outside the table columns (e.g. a rotated label) was removed', note: 'Informational.'},
  'count-mismatch': {reason: 'The document states a number of items or groups that differs from what was read', note: 'Check the extraction: an item may be missing, split or merged.'},
  'objective-duplicate': {reason: 'The same objective text appears twice in one area', note: 'Both were kept; their ids carry a suffix.'},
  'aliases-invalid': {reason: 'The aliases file is not valid', note: 'See data/aliases.json for the format.'},
  'manifest-invalid': {reason: 'The manifest is not valid', note: 'See schemas/manifest.schema.json.'},
  'output-unwritable': {reason: 'The output cannot be written', note: 'Check the output directory and its permissions.'},
  'internal-error': {reason: 'An unexpected error occurred', note: 'Please report it with `--debug` output.'},
} as const satisfies Record<string, {reason: string; note: string}>;

/** A kebab-case diagnostic code, a key of {@link diagnosticCodes}. */
export type DiagnosticCode = keyof typeof diagnosticCodes;
