/**
 * Formula cells are refused, not stored. A cell starting with =, +, - or @
 * is run as a formula by Excel, LibreOffice and Google Sheets when the data
 * is later opened there (an export, a report), e.g. =HYPERLINK("http://…").
 * Storing it "as text" would only be safe if every future export escaped it;
 * refusing the row (with its line and field) keeps such values out of the
 * database altogether, and a person can fix the few cells by hand.
 * A phone number is the one field where a leading + or - is ordinary; the
 * phone check allows only digits, spaces and ().- there, so it cannot carry a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PHONE_LIKE = /^[+-]?[0-9 ().-]+$/;

export function isFormulaCell(value: string, field: string): boolean {
  const t = value.trim();
  if (!FORMULA_START.test(t)) return false;
  if (field === "phone" && PHONE_LIKE.test(t)) return false;
  return true;
}
