// CPU time (ms) of a benchmark's Chromium threads, from Linux /proc: the page's main thread, its web
// workers and the rest. Unlike wall time, it does not grow when other programs share the cores.
// The benchmark launches Chromium with the `mark` argument, so its processes can be told apart.
import { readdirSync, readFileSync } from 'node:fs';

export const benchMark = () => `--cadence-bench=${process.pid}`;

export function threadCpu(mark) {
  const parent = {};
  const command = {};
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      parent[pid] = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1];
      command[pid] = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {}
  }
  const ours = (pid) => {
    for (let p = pid, depth = 0; p && p !== '0' && depth < 8; p = parent[p], depth++) if (command[p]?.includes(mark)) return true;
    return false;
  };
  const cpu = { main: 0, workers: 0, other: 0 };
  for (const pid of Object.keys(command).filter(ours)) {
    const renderer = command[pid].includes('--type=renderer');
    let tasks = [];
    try { tasks = readdirSync(`/proc/${pid}/task`); } catch {}
    for (const tid of tasks) {
      try {
        const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
        const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ');
        const ms = (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
        const kind = renderer && name.startsWith('DedicatedWorker') ? 'workers' : renderer && name === 'chromium' ? 'main' : 'other';
        cpu[kind] += ms;
      } catch {}
    }
  }
  return cpu;
}
