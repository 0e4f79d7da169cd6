/*
 * Reading a knowledge-base file without following links. A postmortem or catalog that is a
 * symbolic link could publish (or print, in an error) a file from outside the repository, and CI
 * logs of public repositories are public: such a file is an error naming the path, and its target
 * is never opened. The listing (read.ts) refuses links by their directory entry; opening with
 * O_NOFOLLOW closes the gap between listing and reading.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import type { ContentIssue } from '../schema/issues';
import { fileTooLarge } from './limits';

export type FileRead = { text: string; issue?: undefined } | { text?: undefined; issue: ContentIssue };

export function symlinkIssue(file: string, what: 'file' | 'folder'): ContentIssue {
  return {
    file,
    field: '',
    level: 'error',
    rule: 'file/symlink',
    message: `is a symbolic link; Hindsight does not follow links, so that nothing outside the repository is read or published`,
    fix: what === 'file' ? 'replace the link with the file itself (copy it in and commit it)' : 'make it a real folder holding the files themselves',
  };
}

/** O_NOFOLLOW and O_NONBLOCK where the platform has them (a FIFO must not block the build). */
const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * A file's text, or why it cannot be read: a link, not a regular file, larger than `maxBytes`
 * (checked before reading), or missing. `missing` words the issue for a file that does not exist.
 */
export function readContentFile(path: string, file: string, opts: { maxBytes: number; what: 'postmortem' | 'catalog'; missing?: () => ContentIssue }): FileRead {
  let fd: number;
  try {
    fd = openSync(path, FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') return { issue: symlinkIssue(file, 'file') };
    if (code === 'ENOENT' && opts.missing) return { issue: opts.missing() };
    return { issue: { file, field: '', level: 'error', rule: 'file/unreadable', message: `cannot be read (${code ?? 'error'})`, fix: 'check that the file exists and is readable' } };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      return { issue: { file, field: '', level: 'error', rule: 'file/type', message: 'is not a regular file', fix: 'replace it with a file, or remove it' } };
    }
    if (stat.size > opts.maxBytes) return { issue: fileTooLarge(file, stat.size, opts.maxBytes, opts.what) };
    return { text: readFileSync(fd, 'utf8') };
  } catch (error) {
    return { issue: { file, field: '', level: 'error', rule: 'file/unreadable', message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, fix: 'check that the file is readable' } };
  } finally {
    closeSync(fd);
  }
}
