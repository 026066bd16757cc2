/**
 * The project's business rules (DESIGN.md §2), each with its stable id, a Danish title and where it stands in the
 * project document (../shared/seed: "Opgavebeskrivelse", "Forretningsregler for upload til LABA", "Eventuelt").
 * Every rule must have at least one scenario tagged @krav:<id>, and no scenario may name an id not listed here
 * (test/requirements/coverage.test.ts).
 */

export interface Requirement {
  id: string;
  title: string;
  source: string;
}

export const REQUIREMENTS: readonly Requirement[] = [
  { id: 'DEL-01', title: 'Data produceret i almen praksis sendes uændret til databankerne, og MedCom-standarderne er opfyldt', source: 'Opgavebeskrivelse, punkt 1' },
  { id: 'DEL-02', title: 'Det fremgår tydeligt, hvem der er producent af data', source: 'Opgavebeskrivelse, punkt 2' },
  { id: 'DEL-03', title: 'Nægtet samtykke føres igennem: svaret uploades, men vises ikke i de nationale visninger', source: 'Opgavebeskrivelse, punkt 3; Forretningsregler for upload til LABA (Sundhedsloven § 15)' },
  { id: 'DEL-04', title: 'Data i LPS kan ikke slettes, når det er delt; kun rettes', source: 'Opgavebeskrivelse, punkt 4; Forretningsregler for upload til LABA' },
  { id: 'DEL-05', title: 'Data rettet i LPS sendes videre til databankerne som rettet svar', source: 'Opgavebeskrivelse, punkt 5' },
  { id: 'DEL-06', title: 'Kun data produceret i almen praksis sendes; svar fra laboratorier videresendes ikke', source: 'Opgavebeskrivelse, fortsat, punkt 1-2' },
  { id: 'DEL-07', title: 'Data hentet fra anden producent (fx kopisvar fra anden almen praksis) sendes ikke', source: 'Opgavebeskrivelse, fortsat, punkt 3' },
  { id: 'DEL-08', title: 'LPS sender XRPT01 og XRPT05 via PLSP og kan certificeres til det', source: 'Opgavebeskrivelse, fortsat, punkt 4' },
  { id: 'LABA-01', title: 'Kun systemer godkendt af MedCom må uploade svar', source: 'Forretningsregler for upload til LABA, punkt 1' },
  { id: 'LABA-02', title: 'Svar i laboratoriedatabanken indgår i de nationale visninger, fx sundhed.dk', source: 'Forretningsregler for upload til LABA, punkt 2' },
  { id: 'LABA-03', title: 'Nationalt prøvenummer anbefales som rekvisitionsnummer', source: 'Forretningsregler for upload til LABA, fortsat, punkt 1' },
  { id: 'LABA-04', title: 'Referenceintervaller medsendes, når de findes i systemet', source: 'Forretningsregler for upload til LABA, fortsat, punkt 2' },
  { id: 'LABA-05', title: 'Patient-ID må ikke ændres efter afsendelse; ved forkert patient-ID annulleres alle udsendte svar', source: 'Forretningsregler for upload til LABA, fortsat, punkt 3' },
  { id: 'LABA-06', title: 'Samme svarfil med samme analysekode og producentkode sendt to gange gemmes kun én gang', source: 'Forretningsregler for upload til LABA, fortsat, punkt 4' },
  { id: 'MON-01', title: 'Monitorering: hvor mange lokale svar hvert LPS deler, og hvor mange PLSP sender til hver databank', source: 'Eventuelt: Monitorering af dataflow fra LPS til databankerne' },
];

export function requirementIds(): string[] {
  return REQUIREMENTS.map((requirement) => requirement.id);
}
