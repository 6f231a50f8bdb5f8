// `npm run format` writes, `npm run lint` checks. Wide lines: SQL statements and signatures
// read better whole than folded.
/** @type {import("prettier").Config} */
const config = {
  printWidth: 140,
};

export default config;
