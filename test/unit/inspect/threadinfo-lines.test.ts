import { describe, expect, it } from 'vitest';
import { ThreadInfo, type ThreadOwner } from '../../../core/inspect/threadinfo.js';

const owner: ThreadOwner = { lookupOrCreate: () => null, lookup: () => null, generation: 0 };

describe('ThreadInfo command lines kept between events', () => {
  it('makes proc.cmdline and proc.exeline again when comm, exe or the args change', () => {
    const t = new ThreadInfo(owner);
    t.comm = 'bash';
    t.exe = '/bin/bash';
    t.setArgs(Buffer.from('-c\0ls\0'));
    expect(t.cmdline()).toBe('bash -c ls');
    expect(t.exeline()).toBe('/bin/bash -c ls');
    t.setArgs(Buffer.from('-l\0'));
    expect(t.cmdline()).toBe('bash -l');
    expect(t.exeline()).toBe('/bin/bash -l');
    t.comm = 'sh';
    expect(t.cmdline()).toBe('sh -l');
    t.exe = '/bin/sh';
    expect(t.exeline()).toBe('/bin/sh -l');
    t.args = [];
    expect(t.cmdline()).toBe('sh');
    expect(t.exeline()).toBe('/bin/sh ');
  });
});
