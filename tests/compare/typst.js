// Compiles a Typst file to PDF with the typst.ts Node compiler.
// usage: node typst.js MAIN.typ OUT.pdf
const fs = require('fs');
const path = require('path');
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');

const [main, out] = process.argv.slice(2);
const compiler = NodeCompiler.create({
	workspace: path.dirname(path.resolve(main)),
	fontArgs: [{ fontPaths: ['/usr/share/fonts/truetype'] }],
});
const pdf = compiler.pdf({ mainFilePath: path.resolve(main) });
fs.writeFileSync(out, pdf);
