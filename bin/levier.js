#!/usr/bin/env node
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const entry = path.join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'cli', 'levier.js');
if (!fs.existsSync(entry)) {
  process.stderr.write("levier n'est pas compilé : lancez « npm run build » (npm ci le fait aussi).\n");
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2), { stdout: (s) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'), stderr: (s) => process.stderr.write(s.endsWith('\n') ? s : s + '\n') })
  .then((code) => { process.exitCode = code; })
  .catch((err) => {
    process.stderr.write(`Erreur : ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
