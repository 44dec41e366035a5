/** What each file-system error code means, in words a user can act on. */
const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'a file is in the way (part of the path already exists as a file)',
  ENOTEMPTY: 'the folder is not empty',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EBUSY: 'the file or folder is in use',
  EXDEV: 'it is on another file system',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'the path has too many symbolic links',
  EIO: 'an input/output error occurred',
  EPIPE: 'the reader closed the pipe',
  ETIMEDOUT: 'the operation timed out',
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  ENOTFOUND: 'the host name was not found',
};

/**
 * An error in words, never a bare errno: `EACCES` becomes `permission denied`. Unknown codes fall back to
 * the error's own message without the `CODE: ` prefix Node puts in front.
 *
 * @example
 * describeError(Object.assign(new Error("EEXIST: file already exists, mkdir 'out'"), {code: 'EEXIST'}));
 * // 'a file is in the way (part of the path already exists as a file)'
 */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && REASONS[code]) return REASONS[code];
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^[A-Z][A-Z0-9_]+: /, '').replace(/, (open|mkdir|rename|unlink|stat|scandir|rmdir|link|copyfile) '[^']*'( -> '[^']*')?$/, '');
}
