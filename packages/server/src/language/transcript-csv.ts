/**
 * RFC 4180 CSV as spreadsheets export it: optional UTF-8 BOM, CRLF or LF,
 * quoted fields with "" for a quote and line breaks inside quotes (a chat
 * message often has them). Blank lines are skipped.
 */
export interface CsvRow {
  /** 1-based line on which the row starts, for error messages. */
  readonly line: number;
  readonly fields: string[];
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

export function parseCsv(content: string): CsvRow[] {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let fieldStarted = false;
  const endRow = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      if (fieldStarted && field.trim() !== '') throw new CsvError(line, 'a quote inside an unquoted field');
      field = '';
      quoted = true;
      fieldStarted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (quoted) throw new CsvError(rowLine, 'a quoted field is never closed');
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}
