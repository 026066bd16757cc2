/** Reading a stub's configuration from environment variables, with errors that name the variable. */

export type Env = Readonly<Record<string, string | undefined>>;

export function requiredUrl(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set: give the base URL of the system, e.g. ${name}=http://127.0.0.1:8702`);
  try {
    new URL(value);
  } catch {
    throw new Error(`${name}=${value} is not a URL: give e.g. http://127.0.0.1:8702`);
  }
  return value.replace(/\/+$/, '');
}

export function optionalString(env: Env, name: string, fallback: string): string {
  const value = env[name];
  return value === undefined || value === '' ? fallback : value;
}

export function optionalList(env: Env, name: string, fallback: string[]): string[] {
  const value = env[name];
  if (value === undefined) return fallback;
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function optionalInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new Error(`${name}=${value} is not a whole number from ${min} to ${max}`);
  }
  return number;
}
