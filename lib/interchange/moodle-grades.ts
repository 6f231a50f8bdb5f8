// The answer grades Moodle accepts. Its question engine offers a fixed list of fractions
// (question/engine/bank.php, ensure_fraction_options_initialised) and the XML importer, with
// the default "error" grade matching, refuses a file whose answer grade is not on it
// (question/format/xml/tests/fixtures/error_invalid_grades.xml). So the exporter writes only
// these, and the importer reports any other as Moodle would. Pure.

/** Moodle's grades, in percent (their negatives are allowed too). */
export const MOODLE_GRADES = [
  100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0,
] as const;

/** Whether a fraction attribute (percent, as written in the file) is one Moodle accepts. */
export function isMoodleGrade(percent: number): boolean {
  return Number.isFinite(percent) && MOODLE_GRADES.some((g) => Math.abs(Math.abs(percent) - g) < 0.001);
}
