/**
 * The Sundhedsjournal stand-in (sundhed.dk): web pages a citizen logs in to with a MedCom test CPR and reads
 * their lab results on. Its interface is the pages: these paths, and stable hooks in the HTML for tests
 * (`data-testid`, `data-felt`, `data-supplement`, documented in stubs/sundhedsjournal/results-table.ts).
 * It reads the results from Laboratoriesvarportalen (contracts/labportal.ts).
 *
 * ASSUMPTION: the paths are this stand-in's own; sundhed.dk's real ones are not used:
 *   GET  /, /log-ind          login form (test person's CPR in place of MitID); / goes on to the results when logged in
 *   POST /log-ind             cpr=<10 digits>: sets the session cookie, 303 to /laboratoriesvar; else the form with an error
 *   GET  /laboratoriesvar     the logged-in person's lab results; 303 to /log-ind without a session; 502 when the portal fails
 *   GET  /log-ud              ends the session, 303 to /log-ind
 */

export const SUNDHEDSJOURNAL_DEFAULT_PORT = 8705;

export const SUNDHEDSJOURNAL_PATHS = {
  /** GET the login form; POST cpr= to log in (303 to the results). */
  login: '/log-ind',
  /** The lab results of the citizen logged in (303 to the login without a session). */
  labResults: '/laboratoriesvar',
  logout: '/log-ud',
} as const;
