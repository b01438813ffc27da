// Finding ffmpeg on the PATH without starting it.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasFfmpeg } from '../../../src/render/encode.js';

let dir: string;
const path = process.env.PATH;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'listen-ffmpeg-'));
});

afterEach(() => {
  process.env.PATH = path;
  rmSync(dir, { recursive: true, force: true });
});

describe('hasFfmpeg', () => {
  it('finds an executable ffmpeg in any folder of the PATH', () => {
    mkdirSync(join(dir, 'bin'));
    writeFileSync(join(dir, 'bin', 'ffmpeg'), '#!/bin/sh\n');
    chmodSync(join(dir, 'bin', 'ffmpeg'), 0o755);
    process.env.PATH = [join(dir, 'empty'), join(dir, 'bin')].join(delimiter);
    expect(hasFfmpeg()).toBe(true);
  });

  it('does not take a file that cannot be run, a folder, or an empty PATH for ffmpeg', () => {
    writeFileSync(join(dir, 'ffmpeg'), 'not a program\n');
    chmodSync(join(dir, 'ffmpeg'), 0o644);
    mkdirSync(join(dir, 'sub', 'ffmpeg'), { recursive: true });
    process.env.PATH = [dir, join(dir, 'sub')].join(delimiter);
    expect(hasFfmpeg()).toBe(false);
    process.env.PATH = '';
    expect(hasFfmpeg()).toBe(false);
  });
});
