// A file that is not YAML (a step's Python script), kept for source excerpts and suppressions.

/** What renderers and suppressions need of any file plc read (YAML or not). */
export interface SourceText {
  readonly displayPath: string;
  readonly text: string;
  lineText(line: number): string;
}

export class TextSource implements SourceText {
  private readonly lines: string[];

  constructor(readonly displayPath: string, readonly text: string) {
    this.lines = text.split(/\r?\n/);
  }

  lineText(line: number): string {
    return this.lines[line - 1] ?? '';
  }
}
