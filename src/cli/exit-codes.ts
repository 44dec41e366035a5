/**
 * Exit codes, like diff(1): 0 success; 1 only with `--exit-code`, when the output differs; 2 error (one
 * line on stderr naming the file and the reason); 3 a batch finished but some documents failed;
 * 130 / 143 interrupted by SIGINT / SIGTERM (128 + the signal number).
 */
export const EXIT = {ok: 0, differs: 1, error: 2, batchFailures: 3, interrupted: 130, terminated: 143} as const;

/** The exit-code table as printed at the end of every help text. */
export const EXIT_HELP = `
Exit codes:
  0    success
  1    with --exit-code: the output differs from what was there before
  2    error: one line on stderr names the file and the reason
  3    batch: finished, but some documents failed (see report.json)
  130  interrupted (SIGINT); 143 terminated (SIGTERM)`;
