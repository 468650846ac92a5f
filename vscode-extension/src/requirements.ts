/**
 * Finds a Java 17+ runtime for the language server. Plain Node (no `vscode` import), so the search
 * order and the version parsing are unit-tested without an editor.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** The oldest Java feature release the server runs on (it is compiled with `--release 17`). */
export const MINIMUM_JAVA = 17;

/** Where a candidate came from, in the words the user sees in the notification. */
export type JavaSource = 'setting stagesmith.java.home' | 'JAVA_HOME' | 'PATH';

export interface JavaRuntime {
  /** Absolute path of the `java` executable. */
  readonly executable: string;
  /** Feature release, e.g. 17 or 21. */
  readonly major: number;
  readonly source: JavaSource;
}

export interface JavaSearch {
  /** The `stagesmith.java.home` setting; empty = not set. */
  readonly javaHome?: string;
  readonly env: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
  /** Runs `java -version` and returns what it printed (Java prints it on stderr). */
  readonly versionOf?: (executable: string) => Promise<string>;
}

/** Either a runtime, or one sentence saying what was found and what to install. */
export type JavaResult = { ok: true; runtime: JavaRuntime } | { ok: false; message: string };

interface Candidate {
  readonly executable: string;
  readonly source: JavaSource;
}

/**
 * The feature release in `java -version` output: `version "17.0.15"` → 17, `version "1.8.0_392"` → 8,
 * `version "21"` → 21; undefined when there is no version line.
 */
export function parseJavaVersion(output: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(output);
  if (!m) {
    return undefined;
  }
  const first = Number(m[1]);
  return first === 1 && m[2] !== undefined ? Number(m[2]) : first;
}

/**
 * The first Java 17+ of: the setting, then `JAVA_HOME`, then `java` on `PATH`. A set but unusable
 * setting is an error of its own (the user asked for that one), so it never falls back silently.
 */
export async function findJava(search: JavaSearch): Promise<JavaResult> {
  const versionOf = search.versionOf ?? runJavaVersion;
  const exe = search.platform === 'win32' ? 'java.exe' : 'java';
  const setting = search.javaHome?.trim();
  if (setting) {
    const executable = path.join(setting, 'bin', exe);
    return check({ executable, source: 'setting stagesmith.java.home' }, versionOf, true);
  }
  const problems: string[] = [];
  for (const candidate of candidates(search, exe)) {
    const result = await check(candidate, versionOf, false);
    if (result.ok) {
      return result;
    }
    problems.push(result.message);
  }
  const found = problems.length > 0 ? ` Found: ${problems.join('; ')}.` : ' No Java was found on JAVA_HOME or PATH.';
  return {
    ok: false,
    message: `Stagesmith needs Java ${MINIMUM_JAVA} or newer to run its language server.${found} `
      + `Install a JDK or JRE ${MINIMUM_JAVA}+ (for example the openjdk-${MINIMUM_JAVA}-jre-headless package) `
      + 'or set stagesmith.java.home to its folder.',
  };
}

function candidates(search: JavaSearch, exe: string): Candidate[] {
  const out: Candidate[] = [];
  const javaHome = search.env.JAVA_HOME?.trim();
  if (javaHome) {
    out.push({ executable: path.join(javaHome, 'bin', exe), source: 'JAVA_HOME' });
  }
  const delimiter = search.platform === 'win32' ? ';' : ':';
  for (const dir of (search.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutableFile(path.join(dir, exe))) {
      out.push({ executable: path.join(dir, exe), source: 'PATH' });
      break;
    }
  }
  return out;
}

async function check(candidate: Candidate, versionOf: (e: string) => Promise<string>, alone: boolean)
  : Promise<JavaResult> {
  const where = `${candidate.executable} (${candidate.source})`;
  if (!isExecutableFile(candidate.executable)) {
    return failure(`no java executable at ${where}`, alone);
  }
  let output: string;
  try {
    output = await versionOf(candidate.executable);
  } catch (e) {
    return failure(`${where} did not run: ${(e as Error).message}`, alone);
  }
  const major = parseJavaVersion(output);
  if (major === undefined) {
    return failure(`${where} printed no version`, alone);
  }
  if (major < MINIMUM_JAVA) {
    return failure(`Java ${major} at ${where}`, alone);
  }
  return { ok: true, runtime: { executable: candidate.executable, major, source: candidate.source } };
}

function failure(problem: string, alone: boolean): JavaResult {
  if (!alone) {
    return { ok: false, message: problem };
  }
  return {
    ok: false,
    message: `Stagesmith needs Java ${MINIMUM_JAVA} or newer: ${problem}. `
      + `Point stagesmith.java.home at a JDK or JRE ${MINIMUM_JAVA}+ folder (the one that contains bin/java).`,
  };
}

function isExecutableFile(file: string): boolean {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) {
      return false;
    }
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `java -version` with a time limit, so a broken install cannot hold up activation. */
function runJavaVersion(executable: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(executable, ['-version'], { timeout: 15000, windowsHide: true }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(error.message.split('\n')[0]));
      } else {
        resolve(`${stderr}\n${stdout}`);
      }
    });
  });
}
