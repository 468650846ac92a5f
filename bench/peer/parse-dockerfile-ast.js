// Times dockerfile-ast (the parser inside dockerfile-language-server-nodejs) on the same inputs as
// ParseBenchmark, after a warm-up, and prints one line per input: name, mean ms, min ms.
'use strict';
const fs = require('fs');
const { DockerfileParser } = require('dockerfile-ast');

function time(text, seconds) {
  const samples = [];
  const end = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() < end) {
    const t0 = process.hrtime.bigint();
    const df = DockerfileParser.parse(text);
    df.getInstructions();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return samples;
}

for (const arg of process.argv.slice(2)) {
  const [name, file] = arg.split('=');
  const text = fs.readFileSync(file, 'utf8');
  time(text, 4); // warm-up
  const s = time(text, 8);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  console.log(`${name}\t${mean.toFixed(3)}\t${Math.min(...s).toFixed(3)}\t${s.length}`);
}
