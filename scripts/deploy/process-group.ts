import fs from 'node:fs';

export type GroupProcess = { pid: number; name: string };

/**
 * The live processes of a process group, read from /proc (Linux). Zombies are left out: a process
 * killed after its parent died stays one until PID 1 reaps it, and some containers' PID 1 never does.
 */
export function groupProcesses(group: number): GroupProcess[] {
  const found: GroupProcess[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // pid (name) state ppid pgrp …: the name may hold spaces and parentheses, so split after the last ')'.
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === group && state !== 'Z') found.push({ pid: Number(entry), name });
  }
  return found;
}
