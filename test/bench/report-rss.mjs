// Loaded with `node --import`: on exit, writes this process's peak resident set size (all threads) to
// the file named by BENCH_RSS_FILE, in KiB.
import {writeFileSync} from 'node:fs';

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
