/** "Gửi báo cáo  [██████░░░░] 51/85" on one terminal line, redrawn in place; plain lines when not a terminal. */
export function progressBar(
  label: string,
  total: number,
  stream: NodeJS.WriteStream = process.stdout,
): (done: number) => void {
  const width = 30;
  let lastShown = -1;
  return (done: number) => {
    const filled = Math.round((done / total) * width);
    const line = `${label}  [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}`;
    if (stream.isTTY) {
      stream.write(`\r${line}${done === total ? '\n' : ''}`);
    } else {
      const step = Math.floor((done / total) * 4);
      if (step !== lastShown || done === total) stream.write(line + '\n');
      lastShown = step;
    }
  };
}
