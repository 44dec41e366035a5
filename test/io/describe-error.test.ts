import {describe, expect, it} from 'vitest';
import {describeError} from '../../src/io/describe-error.js';

const errno = (code: string, message: string): Error => Object.assign(new Error(message), {code});

describe('describeError', () => {
  it('puts file-system error codes in words', () => {
    expect(describeError(errno('EEXIST', "EEXIST: file already exists, mkdir 'out'"))).toBe('a file is in the way (part of the path already exists as a file)');
    expect(describeError(errno('EACCES', "EACCES: permission denied, open 'x'"))).toBe('permission denied');
    expect(describeError(errno('ENOSPC', 'ENOSPC: no space left on device, write'))).toBe('the disk is full');
  });

  it('strips the code and path Node puts around a message it has no words for', () => {
    expect(describeError(errno('EWEIRD', "EWEIRD: something odd happened, open '/tmp/x'"))).toBe('something odd happened');
    expect(describeError('plain')).toBe('plain');
  });
});
