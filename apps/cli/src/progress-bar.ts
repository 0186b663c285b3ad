/**
 * A one-line progress bar on stderr: redrawn in place on a terminal, and on a pipe or a log file
 * a plain line every tenth of the way (a log full of carriage returns helps nobody).
 */
export class ProgressBar {
  private lastTenth = -1;

  constructor(
    private readonly write: (text: string) => void,
    private readonly label: string,
    private readonly interactive: boolean,
    private readonly width = 30,
  ) {}

  update(done: number, total: number): void {
    const ratio = total === 0 ? 1 : Math.min(1, done / total);
    if (this.interactive) {
      const filled = Math.round(ratio * this.width);
      this.write(`\r${this.label} [${'#'.repeat(filled)}${'-'.repeat(this.width - filled)}] ${done}/${total} ${Math.floor(ratio * 100)}%`);
      if (done >= total) this.write('\n');
      return;
    }
    const tenth = Math.floor(ratio * 10);
    if (tenth === this.lastTenth) return;
    this.lastTenth = tenth;
    this.write(`${this.label}: ${done}/${total} (${tenth * 10}%)\n`);
  }
}
