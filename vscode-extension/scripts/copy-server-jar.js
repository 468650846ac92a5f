// Copies the shaded server jar the reactor's server module built into server/stagesmith.jar, which the
// .vsix ships and the launcher runs. Fails with what to do when the jar has not been built.
const fs = require('fs');
const path = require('path');
const from = path.resolve(__dirname, '..', '..', 'server', 'target', 'stagesmith.jar');
const to = path.resolve(__dirname, '..', 'server', 'stagesmith.jar');
if (!fs.existsSync(from)) {
  console.error(`copy-server-jar: ${from} is missing; build it first with: mvn -B -pl server -am package -DskipTests`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(to), { recursive: true });
fs.copyFileSync(from, `${to}.tmp`);
fs.renameSync(`${to}.tmp`, to);
console.log(`copy-server-jar: ${path.relative(process.cwd(), to)} (${fs.statSync(to).size} bytes)`);
